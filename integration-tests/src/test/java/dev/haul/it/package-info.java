/** Black-box tests: the built jar and the engine against real servers on 127.0.0.1, checked by what a user sees. */
package dev.haul.it;
