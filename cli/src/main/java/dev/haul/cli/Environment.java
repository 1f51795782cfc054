package dev.haul.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * The environment variables and the home directory, injected like {@link Streams} so tests
 * never read the real ones.
 */
public record Environment(Map<String, String> variables, Path home) {
    public Environment {
        variables = Map.copyOf(variables);
    }

    /** The process's variables; home is {@code $HOME} as shells and curl see it, else Java's user.home (from the password database). */
    public static Environment system() {
        Map<String, String> variables = System.getenv();
        String home = variables.get("HOME");
        return new Environment(variables, Path.of(home != null && !home.isEmpty() ? home : System.getProperty("user.home")));
    }

    /** A variable's value, or null when it is unset. */
    public String get(String name) {
        return variables.get(name);
    }

    /** {@code $XDG_CONFIG_HOME/haul/config}, or {@code ~/.config/haul/config} when that is unset or relative (as the XDG spec says). */
    public Path configFile() {
        String xdg = get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".config");
        return base.resolve("haul").resolve("config");
    }
}
