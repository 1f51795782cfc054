/**
 * The record of each saved file (kept outside DIR (see RecordsHome): URL, validators, size) and the rules
 * that read it: a rerun skips what it saved already, {@code -N} asks only whether it changed.
 */
package dev.haul.core.records;
