package org.yqsentinel.pipeline.monitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.RecoveryClaimMode;

/**
 * The state a local monitor job leaves behind for the next run of {@code ./yq monitor}, in one folder per
 * namespace: the retained checkpoints ({@code checkpoints/<job>/chk-N}), the savepoints taken at a stop
 * ({@code savepoints/savepoint-…}) and the state changelog the checkpoints refer to ({@code changelog/<job>}).
 * A run resumes from the newest complete one (its {@code _metadata} written), so after a stop, a crash or a
 * kill -9 the watched policies, the copy index, the open risk windows and the pending alerts come back and the
 * Kafka offsets continue from the same point.
 *
 * <p>A savepoint (canonical format) holds all its state; a checkpoint refers to the changelog of its job and of
 * the jobs it was restored from. So after resuming from a savepoint, or taking one, everything else is pruned;
 * after a crash nothing is, until the next stop.
 */
public final class MonitorSnapshots {

    private static final String METADATA = "_metadata";

    /** What a run resumes from. */
    public record Snapshot(Path path, boolean savepoint) {
        public String describe() {
            return (savepoint ? "savepoint " : "checkpoint ") + path;
        }
    }

    private final Path folder;

    /** @param folder this namespace's folder, e.g. {@code .yq/monitor/default} */
    public MonitorSnapshots(Path folder) {
        this.folder = folder;
    }

    public Path savepoints() {
        return folder.resolve("savepoints");
    }

    private Path checkpoints() {
        return folder.resolve("checkpoints");
    }

    private Path changelog() {
        return folder.resolve("changelog");
    }

    /** The state storage of the job ({@link LocalCluster#stateStorage}) in this folder, resuming from {@code from} if given. */
    public Configuration configuration(Optional<Snapshot> from) {
        Configuration conf = LocalCluster.stateStorage(checkpoints(), changelog());
        from.ifPresent(snapshot -> {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, snapshot.path().toUri().toString());
            // the new job owns the snapshot: it deletes what its own checkpoints no longer need
            conf.set(StateRecoveryOptions.RESTORE_MODE, RecoveryClaimMode.CLAIM);
        });
        return conf;
    }

    /** The newest complete savepoint or retained checkpoint, if any. */
    public Optional<Snapshot> latest() {
        List<Snapshot> all = new ArrayList<>();
        snapshotDirs(savepoints(), 1).forEach(p -> all.add(new Snapshot(p, true)));
        snapshotDirs(checkpoints(), 2).forEach(p -> all.add(new Snapshot(p, false)));
        return all.stream().max(Comparator.comparing(s -> modified(s.path().resolve(METADATA))));
    }

    /** Deletes everything: the next run starts with empty state ({@code --fresh}). */
    public void forget() {
        delete(folder);
    }

    /** Deletes every snapshot and changelog but this savepoint, which holds all its state. */
    public void keepOnly(Snapshot savepoint) {
        if (!savepoint.savepoint()) {
            throw new IllegalArgumentException("only a savepoint stands alone, not " + savepoint.describe());
        }
        delete(checkpoints());
        delete(changelog());
        for (Path other : snapshotDirs(savepoints(), 1)) {
            if (!other.equals(savepoint.path())) {
                delete(other);
            }
        }
    }

    /** Folders {@code depth} levels below {@code root} that hold a {@code _metadata} file: complete snapshots. */
    private static List<Path> snapshotDirs(Path root, int depth) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(root, depth)) {
            return paths.filter(p -> Files.isRegularFile(p.resolve(METADATA))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the snapshots in " + root, e);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + root, e);
        }
    }
}
