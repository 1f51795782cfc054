/** Where bytes land on disk: part files, their sidecars, and safe target names. */
package dev.haul.core.storage;
