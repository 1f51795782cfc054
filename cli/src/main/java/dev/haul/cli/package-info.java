/** The command line: options become requests for the engine; output, exit codes and the session's life. */
package dev.haul.cli;
