package dev.haul.cli.netrc;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetrcParseTest {
    @Test
    void machineLoginPasswordOnOneLineOrMany() {
        Netrc netrc = Netrc.parse("machine a.example login alice password s3cret\n"
                + "machine b.example\n  login bob\n  password hunter2\n");
        assertEquals("alice:s3cret", netrc.forHost("a.example"));
        assertEquals("bob:hunter2", netrc.forHost("b.example"));
        assertNull(netrc.forHost("c.example"));
    }

    @Test
    void machineNamesMatchWithoutRegardToCase() {
        Netrc netrc = Netrc.parse("machine Example.COM login u password p");
        assertEquals("u:p", netrc.forHost("example.com"));
        assertEquals("u:p", netrc.forHost("EXAMPLE.com"));
    }

    @Test
    void theFirstMatchingMachineWins() {
        Netrc netrc = Netrc.parse("machine h login first password 1\nmachine h login second password 2");
        assertEquals("first:1", netrc.forHost("h"));
    }

    @Test
    void defaultServesOnlyHostsNoMachineNames() {
        Netrc netrc = Netrc.parse("machine h login u password p\ndefault login anonymous password me@example.org");
        assertEquals("u:p", netrc.forHost("h"));
        assertEquals("anonymous:me@example.org", netrc.forHost("other"));
    }

    @Test
    void quotedValuesHoldSpacesAndEscapes() {
        Netrc netrc = Netrc.parse("machine h login \"a user\" password \"p \\\"q\\\" \\\\ \\t end\"");
        assertEquals("a user:p \"q\" \\ \t end", netrc.forHost("h"));
    }

    @Test
    void macdefBodiesAreSkippedUpToTheEmptyLine() {
        Netrc netrc = Netrc.parse("macdef init\nmachine evil login x password y\ncd /pub\n\n"
                + "machine h login u password p\n");
        assertNull(netrc.forHost("evil"));
        assertEquals("u:p", netrc.forHost("h"));
    }

    @Test
    void commentsAndAccountsAreIgnored() {
        Netrc netrc = Netrc.parse("# my hosts\nmachine h # the build box\n login u account acme password p\n");
        assertEquals("u:p", netrc.forHost("h"));
    }

    @Test
    void aMissingHalfIsEmpty() {
        Netrc netrc = Netrc.parse("machine a login only\nmachine b password only\nmachine c");
        assertEquals("only:", netrc.forHost("a"));
        assertEquals(":only", netrc.forHost("b"));
        assertNull(netrc.forHost("c"));
    }

    @Test
    void aTruncatedFileKeepsWhatItHas() {
        Netrc netrc = Netrc.parse("machine h login u password");
        assertEquals("u:", netrc.forHost("h"));
        assertNull(Netrc.parse("machine").forHost("machine"));
        assertNull(Netrc.parse("").forHost("h"));
    }

    @Test
    void itsTextNeverShowsAPassword() {
        String text = Netrc.parse("machine h login u password hunter2\ndefault login a password hunter3").toString();
        assertFalse(text.contains("hunter"), text);
        assertTrue(text.contains("machine h login u password ***"), text);
    }
}
