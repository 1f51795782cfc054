/** The live display on a terminal: a pure renderer from snapshot to lines, and the frames that draw them in place. */
package dev.haul.cli.progress;
