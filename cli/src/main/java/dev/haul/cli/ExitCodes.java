package dev.haul.cli;

/** The contract's exit statuses, decided in one place. */
public final class ExitCodes {
    public static final int OK = 0;
    /** Also when standard output closed before the run ended (its reader left: {@code | head -1}). */
    public static final int SOME_FAILED = 1;
    public static final int USAGE = 2;
    public static final int HANGUP = 129;
    public static final int INTERRUPTED = 130;
    public static final int QUIT = 131;
    public static final int TERMINATED = 143;

    private ExitCodes() {}

    /**
     * @param failed      downloads that failed (cancelled by a key is not a failure)
     * @param interrupted 0, or the signal's exit status (130 for SIGINT, Ctrl-C and q; 143 for SIGTERM; 129 for SIGHUP; 131 for SIGQUIT and Ctrl-\)
     */
    public static int decide(int failed, int interrupted) {
        if (interrupted != 0) return interrupted;
        return failed > 0 ? SOME_FAILED : OK;
    }
}
