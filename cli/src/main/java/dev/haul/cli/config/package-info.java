/** The config file: {@code option = value} lines that set defaults for haul's long options. */
package dev.haul.cli.config;
