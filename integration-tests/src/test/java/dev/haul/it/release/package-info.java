/** The release archive as a user gets it: unpacked, its launcher run, its completion scripts parsed. */
package dev.haul.it.release;
