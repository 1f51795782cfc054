/** The controlling terminal through JLine: raw mode for keys, its size, and restoring it on every way out. The only package that imports JLine. */
package dev.haul.cli.tty;
