package dev.haul.cli;

import java.util.List;
import java.util.Optional;

/** What a mistyped word was probably meant to be: a subcommand ({@code haul dmeo} → {@code demo}) or an option. */
public final class CommandSuggestion {
    private static final List<String> SUBCOMMANDS = List.of("demo", "completion");

    private CommandSuggestion() {}

    /** The subcommand within two edits (a swap of neighbours counts as one) of {@code word}, if any. */
    static Optional<String> near(String word) {
        if (word.contains("/") || word.contains(":") || word.contains(".")) return Optional.empty(); // a URL or host, not a command
        return nearest(word.toLowerCase(java.util.Locale.ROOT), SUBCOMMANDS);
    }

    /** The closest of {@code candidates} within two edits of {@code word} (and less than half its length), if any. */
    public static Optional<String> nearest(String word, Iterable<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(word, c);
            if (d <= Math.min(2, c.length() / 2) && d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
