/** What haul prints: saved paths, JSON events, human lines. */
package dev.haul.cli.output;
