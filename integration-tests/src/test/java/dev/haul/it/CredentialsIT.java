package dev.haul.it;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.haul.it.support.HaulProcess;
import dev.haul.it.support.LoopbackServer;
import dev.haul.it.support.ServedFile;
import dev.haul.it.support.Sha256;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.haul.it.support.HaulProcess.haul;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Credentials go only to the origin they were given for. Origin A redirects to origin B: the same
 * host, another port, so another origin. Secrets never show in what haul prints.
 */
class CredentialsIT {
    @RegisterExtension
    static WireMockExtension originA = LoopbackServer.extension();

    @RegisterExtension
    static WireMockExtension originB = LoopbackServer.extension();

    @TempDir
    Path dir;

    private ServedFile onB;

    @BeforeEach
    void redirectFromAToB() {
        onB = ServedFile.of("payload.bin", 11, 20_000).stubOn(originB);
        originA.stubFor(get(urlEqualTo("/a/report.bin"))
                .willReturn(aResponse().withStatus(302).withHeader("Location", onB.url(originB))));
    }

    static Stream<Arguments> credentials() {
        return Stream.of(
                Arguments.of(List.of("-u", "user:pass"), "Authorization", "Basic dXNlcjpwYXNz",
                        List.of("pass", "dXNlcjpwYXNz")),
                Arguments.of(List.of("-H", "Authorization: Bearer s3cret"), "Authorization", "Bearer s3cret",
                        List.of("s3cret")),
                Arguments.of(List.of("-H", "Cookie: sid=s3cret"), "Cookie", "sid=s3cret",
                        List.of("s3cret")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("credentials")
    void credentialReachesItsOriginButNotTheOriginARedirectLeadsTo(
            List<String> credentialArgs, String header, String value, List<String> secrets) {
        List<String> args = new ArrayList<>(credentialArgs);
        args.addAll(List.of("-v", "-d", dir.toString(), LoopbackServer.baseUrl(originA) + "/a/report.bin"));

        HaulProcess.Result run = haul(args).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(onB.sha256(), Sha256.of(dir.resolve("report.bin")));
        originA.verify(getRequestedFor(urlEqualTo("/a/report.bin")).withHeader(header, equalTo(value)));
        List<LoggedRequest> atB = originB.findAll(getRequestedFor(anyUrl()));
        assertFalse(atB.isEmpty(), "the redirect was followed to origin B");
        for (LoggedRequest request : atB) {
            assertFalse(request.containsHeader("Authorization"), () -> "B got Authorization:\n" + request);
            assertFalse(request.containsHeader("Cookie"), () -> "B got Cookie:\n" + request);
        }
        assertNoSecretIn(run, secrets);
    }

    @Test
    void passwordInTheUrlNeverAppearsInOutputOrJson() {
        originA.stubFor(get(urlEqualTo("/a/missing.bin")).willReturn(aResponse().withStatus(404)));
        String url = "http://user:pass@127.0.0.1:" + originA.getPort() + "/a/missing.bin";

        HaulProcess.Result verbose = haul("-v", "-d", dir.toString(), url).run();
        HaulProcess.Result json = haul("--json", "-d", dir.toString(), url).run();

        assertEquals(1, verbose.exitCode(), verbose::describe);
        assertTrue(verbose.stderr().contains("/a/missing.bin"), verbose::describe);
        assertNoSecretIn(verbose, List.of("pass", "dXNlcjpwYXNz"));
        assertEquals(1, json.exitCode(), json::describe);
        assertTrue(String.join("\n", json.stdoutLines()).contains("/a/missing.bin"), json::describe);
        assertNoSecretIn(json, List.of("pass", "dXNlcjpwYXNz"));
    }

    @Test
    void userInfoInTheUrlIsNotSentToTheOriginARedirectLeadsTo() {
        String url = "http://user:pass@127.0.0.1:" + originA.getPort() + "/a/report.bin";

        HaulProcess.Result run = haul("-v", "-d", dir.toString(), url).run();

        assertEquals(0, run.exitCode(), run::describe);
        // As curl does, the URL's user info becomes Basic credentials for that URL's origin.
        originA.verify(getRequestedFor(urlEqualTo("/a/report.bin"))
                .withHeader("Authorization", equalTo("Basic dXNlcjpwYXNz")));
        for (LoggedRequest request : originB.findAll(getRequestedFor(anyUrl()))) {
            assertFalse(request.containsHeader("Authorization"), () -> "B got Authorization:\n" + request);
        }
        assertNoSecretIn(run, List.of("pass", "dXNlcjpwYXNz"));
    }

    @Test
    void passwordInARedirectLocationNeverAppearsInOutput() {
        originA.stubFor(get(urlEqualTo("/a/to-secret.bin")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://bob:hunter2@127.0.0.1:" + originB.getPort() + "/b/gone.bin")));
        originB.stubFor(get(urlEqualTo("/b/gone.bin")).willReturn(aResponse().withStatus(404)));

        HaulProcess.Result verbose = haul("-v", "-d", dir.toString(),
                LoopbackServer.baseUrl(originA) + "/a/to-secret.bin").run();
        HaulProcess.Result json = haul("--json", "-d", dir.toString(),
                LoopbackServer.baseUrl(originA) + "/a/to-secret.bin").run();

        assertEquals(1, verbose.exitCode(), verbose::describe);
        assertNoSecretIn(verbose, List.of("hunter2", "Ym9iOmh1bnRlcjI="));
        assertEquals(1, json.exitCode(), json::describe);
        assertNoSecretIn(json, List.of("hunter2", "Ym9iOmh1bnRlcjI="));
    }

    private static void assertNoSecretIn(HaulProcess.Result run, List<String> secrets) {
        String stdout = String.join("\n", run.stdoutLines());
        for (String secret : secrets) {
            assertFalse(stdout.contains(secret), () -> "stdout shows '" + secret + "'\n" + run.describe());
            assertFalse(run.stderr().contains(secret), () -> "stderr shows '" + secret + "'\n" + run.describe());
        }
    }
}
