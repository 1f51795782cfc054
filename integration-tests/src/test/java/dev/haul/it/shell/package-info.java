/** haul as a shell pipeline and a new user meet it: stdout contracts, closed pipes, piped lists, and the words of its errors. */
package dev.haul.it.shell;
