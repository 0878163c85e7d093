package dev.kontak.jobs.boundary;

/**
 * What one step of a job did: how many items it went through, how many it noticed and changed (the job says what
 * those are), how many failed, and where the next step starts.
 */
public record JobStep(int items, int noticed, int changed, int failures, String checkpoint) {

    public static JobStep end() {
        return new JobStep(0, 0, 0, 0, null);
    }

    public boolean isEnd() {
        return items == 0;
    }
}
