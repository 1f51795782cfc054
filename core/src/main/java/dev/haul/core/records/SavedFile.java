package dev.haul.core.records;

/**
 * The record of one file haul saved.
 *
 * @param name         its name inside the directory
 * @param url          the URL it was requested with, user info left out
 * @param etag         the ETag of the response that filled it, or null
 * @param lastModified the response's Last-Modified, or null
 * @param size         its length in bytes
 */
public record SavedFile(String name, String url, String etag, String lastModified, long size) {}
