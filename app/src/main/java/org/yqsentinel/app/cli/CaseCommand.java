package org.yqsentinel.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import org.yqsentinel.app.UserError;
import org.yqsentinel.app.Yq;
import org.yqsentinel.ingest.normalize.Times;
import org.yqsentinel.model.CaseStatus;
import org.yqsentinel.model.json.Json;
import org.yqsentinel.rules.control.CaseStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code yq case}: a case as the desk works it, 收集 → 研判 → 处置 → 回应 → 评估 → 结案. */
@Command(name = "case", description = "Work a case: show it, acknowledge it (处置), record the department's response (回应), close it"
        + " (结案) or reopen it, or mark it 上级交办.",
        subcommands = {CaseCommand.Show.class, CaseCommand.Ack.class, CaseCommand.Respond.class, CaseCommand.Close.class,
                CaseCommand.Reopen.class, CaseCommand.Assign.class})
public final class CaseCommand implements Callable<Integer> {

    @ParentCommand
    Yq yq;

    @Override
    public Integer call() {
        throw new UserError("give a subcommand: yq case show|ack|respond|close|reopen|assign CASE_ID");
    }

    /**
     * A person's step: checked against the stored case, published on {@code yq.control} for the monitor job, and
     * waited for until the job has written it on the case.
     */
    abstract static class StepCommand implements Callable<Integer> {

        @ParentCommand
        CaseCommand parent;

        @Parameters(index = "0", paramLabel = "CASE_ID", description = "The case id (the caseId of its alerts).")
        String caseId;

        @Option(names = "--by", required = true, paramLabel = "NAME", description = "Who takes the step, e.g. 王晓明（江城市教育局）.")
        String by;

        @Option(names = "--wait", defaultValue = "60", paramLabel = "SECONDS",
                description = "How long to wait for the monitor job to apply the step (default ${DEFAULT-VALUE}; 0: do not wait).")
        int waitSeconds;

        abstract CaseStep.Step step();

        /** When the step was taken: now, unless the command says otherwise. */
        Instant at() {
            return Instant.now().truncatedTo(ChronoUnit.SECONDS);
        }

        String channel() {
            return null;
        }

        String url() {
            return null;
        }

        String text() {
            return null;
        }

        @Override
        public Integer call() throws Exception {
            CaseSteps steps = new CaseSteps(parent.yq.config());
            CaseStep step = steps.step(steps.read(caseId), step(), by, at(), channel(), url(), text());
            boolean applied = steps.take(step, Duration.ofSeconds(Math.max(0, waitSeconds)));
            PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
            if (applied) {
                JsonNode stored = steps.read(caseId);
                out.println(caseId + ": " + step.step().key() + " recorded; status " + CaseStatus.valueOf(stored.path("status").asText()).label());
                out.flush();
                return 0;
            }
            out.println(caseId + ": " + step.step().key() + " sent; the monitor job has not written it yet"
                    + (waitSeconds > 0 ? " (waited " + waitSeconds + " s)" : "") + ": it applies it when it runs; see yq case show " + caseId);
            out.flush();
            return 3;
        }
    }

    static final String STEP_EXITS = "Exit codes: 0 recorded on the case; 3 sent, not yet applied by the monitor job; 2 refused (no such"
            + " case, a step its status does not allow, a missing or wrong option); 1 a failure of yq itself.";

    /** {@code yq case ack CASE_ID --by NAME}: the responsible department has the case in hand → 处置. */
    @Command(name = "ack", description = "Acknowledge a case: the department has it in hand (处置). Stops reminders and escalations.",
            footer = {"", STEP_EXITS})
    static final class Ack extends StepCommand {
        @Override
        CaseStep.Step step() {
            return CaseStep.Step.ACK;
        }
    }

    /** {@code yq case respond CASE_ID --by NAME --at T --channel C [--url U] [--text T]}: the official response → 回应. */
    @Command(name = "respond", description = "Record the department's official response (回应): when and where it was given, and its"
            + " address or words. The monitor job then compares the posts before and after it and moves the case to 评估.",
            footer = {"", STEP_EXITS})
    static final class Respond extends StepCommand {

        @Option(names = "--at", required = true, paramLabel = "TIME",
                description = "When the response was given, e.g. 2026-11-21 09:30 (Beijing time) or 2026-11-21T01:30:00Z.")
        String when;

        @Option(names = "--channel", required = true, paramLabel = "CHANNEL",
                description = "Where it was given, e.g. 官方微博, 政府网站, 新闻发布会, 微信公众号, 媒体采访.")
        String channel;

        @Option(names = "--url", paramLabel = "URL", description = "Where to read it (http or https).")
        String url;

        @Option(names = "--text", paramLabel = "TEXT", description = "Its words (at most " + CaseStep.MAX_TEXT + " characters).")
        String text;

        @Override
        CaseStep.Step step() {
            return CaseStep.Step.RESPOND;
        }

        @Override
        Instant at() {
            Instant given = Times.parse(when, null, "--at");
            if (given.isAfter(Instant.now().plus(Duration.ofMinutes(5)))) {
                throw new UserError("--at " + when + " is in the future; give when the response was given");
            }
            return given;
        }

        @Override
        String channel() {
            return channel;
        }

        @Override
        String url() {
            return url;
        }

        @Override
        String text() {
            return text;
        }
    }

    /** {@code yq case close CASE_ID --by NAME --conclusion TEXT}: the desk closes the case → 结案. */
    @Command(name = "close", description = "Close a case (结案) with the desk's conclusion.", footer = {"", STEP_EXITS})
    static final class Close extends StepCommand {

        @Option(names = "--conclusion", required = true, paramLabel = "TEXT", description = "The desk's conclusion on the case.")
        String conclusion;

        @Override
        CaseStep.Step step() {
            return CaseStep.Step.CLOSE;
        }

        @Override
        String text() {
            return conclusion;
        }
    }

    /** {@code yq case reopen CASE_ID --by NAME [--reason TEXT]}: a closed case back to the stage it was closed from. */
    @Command(name = "reopen", description = "Reopen a closed case: it goes back to the stage it was closed from.", footer = {"", STEP_EXITS})
    static final class Reopen extends StepCommand {

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why it is reopened.")
        String reason;

        @Override
        CaseStep.Step step() {
            return CaseStep.Step.REOPEN;
        }

        @Override
        String text() {
            return reason;
        }
    }

    /** {@code yq case assign CASE_ID --by NAME --text TEXT}: a superior assigned the case (上级交办). */
    @Command(name = "assign", description = "Mark a case 上级交办: a superior assigned it, with the instruction. Adds the response class"
            + " and its advice.", footer = {"", STEP_EXITS})
    static final class Assign extends StepCommand {

        @Option(names = "--text", required = true, paramLabel = "TEXT", description = "The instruction, e.g. 市政府办公室要求 24 小时内回应.")
        String text;

        @Override
        CaseStep.Step step() {
            return CaseStep.Step.ASSIGN;
        }

        @Override
        String text() {
            return text;
        }
    }

    /** {@code yq case show CASE_ID}: the case record as JSON, each status and stage of its timeline with its Chinese name. */
    @Command(name = "show", description = "Print a case as JSON: status, tiers, respond-by, acknowledgement, response classes, quoted"
            + " posts and its timeline, with the Chinese name of each stage (statusLabel).",
            footer = {"", "Exit codes: 0 printed; 2 no such case; 1 a failure of yq itself."})
    static final class Show implements Callable<Integer> {

        @ParentCommand
        CaseCommand parent;

        @Parameters(index = "0", paramLabel = "CASE_ID", description = "The case id (the caseId of its alerts).")
        String caseId;

        @Override
        public Integer call() throws Exception {
            JsonNode stored = new CaseSteps(parent.yq.config()).read(caseId);
            PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(labelled(stored)));
            out.flush();
            return 0;
        }

        /** The stored case with {@code statusLabel} (收集, 研判…) next to the status and to each stage of its timeline. */
        static ObjectNode labelled(JsonNode stored) {
            ObjectNode shown = stored.deepCopy();
            label(shown);
            JsonNode timeline = shown.get("timeline");
            if (timeline instanceof ArrayNode stages) {
                stages.forEach(stage -> {
                    if (stage instanceof ObjectNode entry) {
                        label(entry);
                    }
                });
            }
            return shown;
        }

        private static void label(ObjectNode node) {
            JsonNode status = node.get("status");
            if (status != null && status.isTextual()) {
                try {
                    node.put("statusLabel", CaseStatus.valueOf(status.asText()).label());
                } catch (IllegalArgumentException e) {
                    node.put("statusLabel", status.asText());  // a status of a newer version: shown as it is
                }
            }
        }
    }
}
