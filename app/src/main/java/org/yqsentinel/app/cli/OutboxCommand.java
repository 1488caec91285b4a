package org.yqsentinel.app.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.yqsentinel.app.Yq;
import org.yqsentinel.stack.outbox.Outbox;
import org.yqsentinel.model.config.SentinelConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code yq outbox}: the local SMTP server and SMS/robot receiver that keep what ./yq alerting sends, under .yq/outbox/. */
@Command(name = "outbox", description = "Run the local outbox (SMTP on alerting.smtp.port, SMS and robots on 127.0.0.1:19281) that keeps"
        + " every message ./yq alerting sends under .yq/outbox/ (Ctrl-C stops it).")
public final class OutboxCommand implements Callable<Integer> {

    /** Where the bundled routing.yaml's robots and the default SMS gateway post. */
    static final int HTTP_PORT = 19281;

    @ParentCommand
    Yq yq;

    @Override
    public Integer call() throws Exception {
        SentinelConfig config = yq.config();
        CountDownLatch stopped = new CountDownLatch(1);
        try (Outbox outbox = Outbox.start(yq.layout().workDir().resolve("outbox"), config.alerting().smtp().port(), HTTP_PORT)) {
            System.out.println("outbox: SMTP on 127.0.0.1:" + outbox.smtpPort() + ", SMS and robots on http://127.0.0.1:" + outbox.httpPort()
                    + "; keeping messages under " + outbox.dir() + ". Ctrl-C stops it.");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                outbox.close();
                stopped.countDown();
            }));
            stopped.await();
        }
        return 0;
    }
}
