package org.yqsentinel.pipeline.monitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.apache.flink.api.common.JobID;
import org.apache.flink.changelog.fs.FsStateChangelogOptions;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.StateChangelogOptions;
import org.apache.flink.configuration.TaskManagerOptions;

/**
 * The state storage of a Flink cluster in this JVM ({@code ./yq monitor}, the demo, the pipeline bench and
 * the tests' mini-clusters), all under one work folder.
 *
 * <ul>
 *   <li>Checkpoints go to files. Without a checkpoint folder, Flink keeps checkpoints in the job manager's
 *       memory and refuses any state above 5 MB. The dedupe state passes that after a few tens of thousands
 *       of posts.</li>
 *   <li>The heap state is backed by a state changelog in files: each checkpoint writes only the changes
 *       since the last one, and the whole state is written in the background every few minutes. The
 *       alerts reach {@code yq.alerts} when a checkpoint commits, so checkpoints run every second or so.
 *       A full heap snapshot of the dedupe state every second took 39 % of the job's CPU at 2,000 posts/s
 *       and kept it below that rate; with the changelog it keeps up ({@code docs/performance.md}).</li>
 * </ul>
 *
 * Flink deletes a job's checkpoints when the job is cancelled, but not its changelog files:
 * {@link #discardChangelog} does, once the job has ended. A cluster of its own sets the same in its Flink configuration ({@code docs/operations.md}): the
 * changelog's storage is a task manager setting, not a job's.
 */
public final class LocalCluster {

    private static final String LOOPBACK = "127.0.0.1";

    /** The changelog's upload buffer: below half of G1's smallest region. */
    static final String CHANGELOG_UPLOAD_BUFFER = "256kb";

    private LocalCluster() {}

    /** Checkpoints under {@code workDir/flink-checkpoints}, the state changelog under {@code workDir/flink-changelog}. */
    public static Configuration stateStorage(Path workDir) {
        return stateStorage(workDir.resolve("flink-checkpoints"), workDir.resolve("flink-changelog"));
    }

    /**
     * Checkpoints and the state changelog in these folders; every listener of the cluster on loopback (the
     * RPC servers of the job and task managers, and the BLOB server, which binds where the job manager does;
     * the web UI is set where it is started).
     */
    public static Configuration stateStorage(Path checkpoints, Path changelog) {
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        conf.set(StateChangelogOptions.ENABLE_STATE_CHANGE_LOG, true);
        conf.set(StateChangelogOptions.STATE_CHANGE_LOG_STORAGE, "filesystem");
        conf.set(FsStateChangelogOptions.BASE_PATH, changelog.toUri().toString());
        // each upload of the changelog allocates a buffer of this size: at Flink's default (1 MB) every one is a humongous
        // object in a heap of 2 GB (G1's regions are 1 MB), and starts a collection of its own (docs/performance.md)
        conf.set(FsStateChangelogOptions.UPLOAD_BUFFER_SIZE, MemorySize.parse(CHANGELOG_UPLOAD_BUFFER));
        conf.set(JobManagerOptions.ADDRESS, LOOPBACK);
        conf.set(JobManagerOptions.BIND_HOST, LOOPBACK);
        conf.set(TaskManagerOptions.BIND_HOST, LOOPBACK);
        conf.set(TaskManagerOptions.HOST, LOOPBACK);
        return conf;
    }

    /**
     * Deletes the state changelog files of a job that has ended (its checkpoints are gone with it). Flink may still be
     * deleting some of them itself: a file or folder gone meanwhile is skipped.
     */
    public static void discardChangelog(Path workDir, JobID job) {
        Path folder = workDir.resolve("flink-changelog").resolve(job.toHexString());
        if (!Files.exists(folder)) {
            return;
        }
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e != null && !(e instanceof NoSuchFileException)) {
                        throw e;
                    }
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            // the folder itself went meanwhile
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the state changelog of job " + job + " in " + folder, e);
        }
    }
}
