package dev.haul.core.proxy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The no_proxy table: list, host, port → goes direct (true) or through the proxy (false). */
class NoProxyMatchTest {
    @ParameterizedTest(name = "no_proxy=''{0}'' host={1} port={2} -> direct={3}")
    @CsvSource(delimiter = '|', value = {
            // host names and domain suffixes
            "example.com                | example.com      | 80   | true",
            "example.com                | a.example.com    | 80   | true",
            "example.com                | a.b.example.com  | 443  | true",
            ".example.com               | example.com      | 80   | true",
            ".example.com               | a.example.com    | 80   | true",
            "example.com                | badexample.com   | 80   | false",
            "example.com                | example.com.evil | 80   | false",
            "example.com                | example.org      | 80   | false",
            "EXAMPLE.com                | a.Example.COM    | 80   | true",
            "example.com.               | a.example.com.   | 80   | true",
            "a.example.com              | example.com      | 80   | false",
            "localhost                  | localhost        | 8080 | true",
            "localhost                  | 127.0.0.1        | 80   | false",
            // lists: commas, spaces, empty entries
            "foo.org, example.com       | a.example.com    | 80   | true",
            "foo.org example.com        | a.example.com    | 80   | true",
            "'foo.org,,bar.org,'        | bar.org          | 80   | true",
            "foo.org,bar.org            | baz.org          | 80   | false",
            "''                         | example.com      | 80   | false",
            // everything
            "*                          | anything.at.all  | 80   | true",
            "*                          | 10.1.2.3         | 80   | true",
            "foo.org,*                  | example.com      | 80   | true",
            "*.example.com              | a.example.com    | 80   | false",
            // ports
            "example.com:8080           | a.example.com    | 8080 | true",
            "example.com:8080           | a.example.com    | 80   | false",
            "10.0.0.1:443               | 10.0.0.1         | 443  | true",
            "10.0.0.1:443               | 10.0.0.1         | 80   | false",
            "[::1]:8080                 | [::1]            | 8080 | true",
            "[::1]:8080                 | [::1]            | 8081 | false",
            "[::1]                      | [::1]            | 80   | true",
            "example.com:0              | example.com      | 80   | false",
            "example.com:99999          | example.com      | 80   | false",
            // IPv4 addresses and ranges
            "127.0.0.1                  | 127.0.0.1        | 80   | true",
            "127.0.0.1                  | 127.0.0.2        | 80   | false",
            "10.0.0.0/8                 | 10.200.3.4       | 80   | true",
            "10.0.0.0/8                 | 11.0.0.1         | 80   | false",
            "192.168.1.0/24             | 192.168.1.255    | 80   | true",
            "192.168.1.0/24             | 192.168.2.1      | 80   | false",
            "172.16.0.0/12              | 172.31.255.1     | 80   | true",
            "172.16.0.0/12              | 172.32.0.1       | 80   | false",
            "0.0.0.0/0                  | 8.8.8.8          | 80   | true",
            "10.0.0.0/33                | 10.0.0.1         | 80   | false",
            "10.0.0.0/8                 | ten.example      | 80   | false",
            // IPv6 addresses and ranges
            "::1                        | [::1]            | 80   | true",
            "::1                        | [0:0:0:0:0:0:0:1] | 80  | true",
            "::1                        | [::2]            | 80   | false",
            "fe80::/10                  | [fe80::1]        | 80   | true",
            "fe80::/10                  | [febf::1]        | 80   | true",
            "fe80::/10                  | [fec0::1]        | 80   | false",
            "2001:db8::/32              | [2001:db8:1::5]  | 443  | true",
            "[2001:db8::]/32            | [2001:db8:1::5]  | 443  | true",
            "2001:db8::/32              | 10.0.0.1         | 80   | false",
            "::/0                       | [abcd::1]        | 80   | true",
            "::/0                       | 127.0.0.1        | 80   | false",
            "::1/129                    | [::1]            | 80   | false",
            // malformed entries are ignored, the others still count
            "[::1, example.com          | example.com      | 80   | true",
            "1.2.3.4/x, example.com     | example.com      | 80   | true",
    })
    void decidesDirectOrProxied(String list, String host, int port, boolean direct) {
        assertEquals(direct, NoProxy.parse(list).matches(host, port));
    }
}
