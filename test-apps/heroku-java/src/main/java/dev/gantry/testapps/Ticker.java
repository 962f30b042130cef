package dev.gantry.testapps;

/** The worker process type: a line every few seconds, which logs shows. */
public final class Ticker {

    public static void main(String[] args) throws InterruptedException {
        for (long tick = 1; ; tick++) {
            System.out.println("heroku-java worker tick " + tick);
            Thread.sleep(3000);
        }
    }
}
