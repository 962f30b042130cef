package dev.gantry.control.cron;

/** A cron schedule Gantry cannot read; the message says what is wrong with it. */
public class InvalidScheduleException extends RuntimeException {
    public InvalidScheduleException(String reason) {
        super(reason);
    }
}
