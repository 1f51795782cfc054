/** Build-time generators (man page, completion scripts), run by Maven while packaging; haul itself never calls them. */
package dev.haul.cli.build;
