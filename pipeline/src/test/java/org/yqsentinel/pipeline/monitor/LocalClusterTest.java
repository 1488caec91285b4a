package org.yqsentinel.pipeline.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.api.common.JobID;
import org.apache.flink.changelog.fs.FsStateChangelogOptions;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateChangelogOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalClusterTest {

    @Test
    void checkpointsAndTheStateChangelogGoToFilesUnderTheWorkFolder(@TempDir Path work) {
        Configuration conf = LocalCluster.stateStorage(work);

        assertThat(conf.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isEqualTo(work.resolve("flink-checkpoints").toUri().toString());
        assertThat(conf.get(StateChangelogOptions.ENABLE_STATE_CHANGE_LOG)).isTrue();
        assertThat(conf.get(StateChangelogOptions.STATE_CHANGE_LOG_STORAGE)).isEqualTo("filesystem");
        assertThat(conf.get(FsStateChangelogOptions.BASE_PATH)).isEqualTo(work.resolve("flink-changelog").toUri().toString());
    }

    @Test
    void anEndedJobsChangelogIsDeletedAndOtherJobsKeepTheirs(@TempDir Path work) throws Exception {
        JobID ended = JobID.generate();
        JobID running = JobID.generate();
        Path endedFile = work.resolve("flink-changelog").resolve(ended.toHexString()).resolve("dstl").resolve("a1");
        Path runningFile = work.resolve("flink-changelog").resolve(running.toHexString()).resolve("dstl").resolve("b1");
        for (Path file : new Path[] {endedFile, runningFile}) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "changes");
        }

        LocalCluster.discardChangelog(work, ended);
        LocalCluster.discardChangelog(work, ended);  // again: nothing left to delete, no error

        assertThat(work.resolve("flink-changelog").resolve(ended.toHexString())).doesNotExist();
        assertThat(runningFile).hasContent("changes");
    }
}
