/** Pure resume decisions: what range to ask for, and whether a response may continue the saved bytes. */
package dev.haul.core.resume;
