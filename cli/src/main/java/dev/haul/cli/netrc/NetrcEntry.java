package dev.haul.cli.netrc;

/**
 * One {@code machine} block, or the {@code default} block (machine null).
 * Its {@link #toString()} never shows the password.
 */
record NetrcEntry(String machine, String login, String password) {
    boolean isDefault() {
        return machine == null;
    }

    /** {@code login:password} for Basic auth, a missing half empty; null when the block gives neither. */
    String credentials() {
        if (login == null && password == null) return null;
        return (login == null ? "" : login) + ":" + (password == null ? "" : password);
    }

    @Override
    public String toString() {
        return (machine == null ? "default" : "machine " + machine) + (login == null ? "" : " login " + login)
                + (password == null ? "" : " password ***");
    }
}
