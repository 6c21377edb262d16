package org.licencerisk.model.cli;

import org.licencerisk.model.training.ProgressListener;

import java.io.PrintWriter;
import java.util.Locale;

/** Shows progress of long steps on standard error, one line per step change and per tenth of a step. */
final class Progress implements ProgressListener {

    private final PrintWriter err;
    private final long started = System.nanoTime();
    private String lastStep = "";
    private long lastTenth = -1;

    Progress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void progress(String step, long done, long total) {
        long tenth = total > 0 ? done * 10 / total : -1;
        if (step.equals(lastStep) && tenth == lastTenth) {
            return;
        }
        lastStep = step;
        lastTenth = tenth;
        double seconds = (System.nanoTime() - started) / 1e9;
        if (total > 1) {
            err.printf(Locale.ROOT, "[%6.1fs] %s: %,d of %,d (%d%%)%n", seconds, step, done, total, done * 100 / total);
        } else {
            err.printf(Locale.ROOT, "[%6.1fs] %s%s%n", seconds, step, done >= total && total > 0 ? ": done" : "");
        }
        err.flush();
    }
}
