/**
 * The fault suite ("never lose a byte"): servers that cut, lie, stall, drip, change the file,
 * answer ranges wrongly or refuse; a haul that is killed; a disk that fills up or cannot be
 * written. Every case checks the bytes on disk by SHA-256 and what the server was sent.
 */
package dev.haul.it.faults;
