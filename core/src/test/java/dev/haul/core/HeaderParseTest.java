package dev.haul.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What -H accepts: "Name: value", a token name, and nothing that could split the request. */
class HeaderParseTest {
    @Test
    void nameAndValueAreSplitAtTheFirstColon() {
        assertEquals(new Header("X-When", "12:30:00"), Header.parse("X-When: 12:30:00"));
    }

    @Test
    void spaceAroundNameAndValueIsTrimmed() {
        assertEquals(new Header("X-Pad", "a  b"), Header.parse("  X-Pad  :   a  b \t"));
    }

    @Test
    void anEmptyValueIsAllowed() {
        assertEquals(new Header("X-Empty", ""), Header.parse("X-Empty:"));
    }

    @Test
    void nameCaseIsKeptAsGiven() {
        assertEquals("x-LOWER-upper", Header.parse("x-LOWER-upper: v").name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-A: b\r\nX-Injected: 1", "X-A: b\nc", "X-A: b\rc", "X-A: b\u0000c", "X\r\n-A: b"})
    void lineBreaksAndNulAreRefused(String raw) {
        assertThrows(IllegalArgumentException.class, () -> Header.parse(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"novalue", ": value", "Bad Name: v", "X(y): v", "X/Y: v", "X@Y: v", "X\tY: v", "Ü: v", "X=Y: v"})
    void badNamesAreRefused(String raw) {
        assertThrows(IllegalArgumentException.class, () -> Header.parse(raw));
    }

    @Test
    void aRefusedCredentialHeaderDoesNotShowItsValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Header.parse("Authorization: Bearer hunter2\r\nX: y"));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Authorization", "authorization", "COOKIE", "Proxy-Authorization"})
    void credentialHeadersAreRecognisedInAnyCase(String name) {
        assertTrue(new Header(name, "x").isCredential());
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Authorization", "Set-Cookie", "Cookie2x", "Accept"})
    void otherHeadersAreNotCredentials(String name) {
        assertFalse(new Header(name, "x").isCredential());
    }

    @Test
    void aTabInsideAValueIsKept() {
        assertEquals("a\tb", Header.parse("X-A: a\tb").value());
    }

    @Test
    void aNameOfOnlySpacesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Header.parse("   : v"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-A: a\u0001b", "X-A: a\u007fb", "X-A: a\u001bb"})
    void otherControlCharactersInAValueAreRefused(String raw) {
        assertThrows(IllegalArgumentException.class, () -> Header.parse(raw));
    }
}
