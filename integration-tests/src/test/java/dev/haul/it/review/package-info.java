/**
 * Regression tests for what a code review found: each fails on the code before the fix
 * ("Fix what review found…") and passes after it.
 */
package dev.haul.it.review;
