package dev.haul.cli.config;

/**
 * One setting: {@code name = value}, or a bare {@code name} (value null) that turns a flag on.
 *
 * @param number the line number in the file, from 1
 */
public record ConfigLine(int number, String name, String value) {}
