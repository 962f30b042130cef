package dev.gantry.control.cron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gantry.build.AppJson;
import dev.gantry.control.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppJsonCronTest {

    @Test
    void readsDokkusEntriesWithIdsThatFollowTheEntry() {
        List<CronJob> jobs = AppJsonCron.read(AppJson.parse("""
                {"cron": [{"command": "python3 report.py", "schedule": "0 5 * * *"},
                          {"command": "python3 report.py", "schedule": "@hourly"}]}"""));

        assertEquals(2, jobs.size());
        assertEquals("python3 report.py", jobs.get(0).command());
        assertEquals("0 5 * * *", jobs.get(0).schedule().toString());
        assertEquals(8, jobs.get(0).id().length());
        assertNotEquals(jobs.get(0).id(), jobs.get(1).id());
        assertEquals(jobs.get(0).id(), AppJsonCron.read(AppJson.parse(
                "{\"cron\": [{\"schedule\": \"0 5 * * *\", \"command\": \"python3 report.py\"}]}")).get(0).id());
    }

    @Test
    void noCronIsNoJobs() {
        assertEquals(List.of(), AppJsonCron.read(AppJson.parse("{\"name\": \"shop\"}")));
    }

    @Test
    void anInvalidScheduleIsRefusedNamingTheEntryAndWhy() {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> AppJsonCron.read(AppJson.parse(
                "{\"cron\": [{\"command\": \"true\", \"schedule\": \"0 25 * * *\"}]}")));

        assertEquals("app.json: cron[0]: '0 25 * * *' is not a cron schedule: the hour '25' is not 0-23. Write five"
                + " fields (minute hour day-of-month month day-of-week) such as \"0 5 * * *\", or @daily, and push"
                + " again", refused.getMessage());
    }

    @Test
    void anEntryWithoutCommandOrScheduleIsRefused() {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> AppJsonCron.read(AppJson.parse("{\"cron\": [{\"schedule\": \"@daily\"}]}")));

        assertEquals("app.json: cron[0] needs a \"command\" and a \"schedule\" (strings), such as {\"command\":"
                + " \"python3 report.py\", \"schedule\": \"0 5 * * *\"}. Fix it and push again", refused.getMessage());
    }
}
