/** Where requests come from: URL lists and, later, keys. */
package dev.haul.cli.input;
