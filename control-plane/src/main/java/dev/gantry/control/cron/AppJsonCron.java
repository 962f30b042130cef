package dev.gantry.control.cron;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.build.AppJson;
import dev.gantry.control.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * app.json's {@code cron}, in Dokku's format: {@code [{"command": "python3 report.py", "schedule":
 * "0 5 * * *"}]}. A push whose entries Gantry cannot read is refused, naming the entry.
 */
public final class AppJsonCron {

    private static final int MAX_JOBS = 50;

    private AppJsonCron() {
    }

    /** @throws InvalidInputException naming the entry and what is wrong with it */
    public static List<CronJob> read(AppJson appJson) {
        JsonNode cron = appJson.section("cron");
        List<CronJob> jobs = new ArrayList<>();
        if (cron.isMissingNode() || cron.isNull()) {
            return jobs;
        }
        if (!cron.isArray() || cron.size() > MAX_JOBS) {
            throw new InvalidInputException(AppJson.FILE_NAME + ": cron must be a list of at most " + MAX_JOBS
                    + " entries such as {\"command\": \"python3 report.py\", \"schedule\": \"0 5 * * *\"}. Fix it and"
                    + " push again");
        }
        for (int i = 0; i < cron.size(); i++) {
            String where = AppJson.FILE_NAME + ": cron[" + i + "]";
            JsonNode command = cron.get(i).path("command");
            JsonNode schedule = cron.get(i).path("schedule");
            if (!command.isTextual() || command.asText().isBlank() || !schedule.isTextual()) {
                throw new InvalidInputException(where + " needs a \"command\" and a \"schedule\" (strings), such as"
                        + " {\"command\": \"python3 report.py\", \"schedule\": \"0 5 * * *\"}. Fix it and push again");
            }
            try {
                CronJob job = CronJob.of(CronSchedule.parse(schedule.asText()), command.asText());
                if (jobs.stream().anyMatch(other -> other.id().equals(job.id()))) {
                    throw new InvalidInputException(where + " repeats an earlier entry. Remove it and push again");
                }
                jobs.add(job);
            } catch (InvalidScheduleException e) {
                throw new InvalidInputException(where + ": '" + schedule.asText() + "' is not a cron schedule: "
                        + e.getMessage() + ". Write five fields (minute hour day-of-month month day-of-week) such as"
                        + " \"0 5 * * *\", or @daily, and push again");
            }
        }
        return jobs;
    }
}
