/**
 * The engine at scale, in process against a Netty origin on loopback: thousands of transfers
 * in flight at once, and one file split over 1 to 16 connections.
 */
package dev.haul.it.scale;
