/** .netrc files: the tokenizer, the parser, and the host lookup that feeds the engine's credentials. */
package dev.haul.cli.netrc;
