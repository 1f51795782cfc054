/** Where requests and commands come from: URL lists, and keys turned into commands on the engine. */
package dev.haul.cli.input;
