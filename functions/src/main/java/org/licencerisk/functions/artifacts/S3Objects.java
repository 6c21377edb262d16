package org.licencerisk.functions.artifacts;

import org.licencerisk.functions.config.ApiConfig;
import org.licencerisk.functions.storage.DynamoDbClientFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The two S3 operations the artifact store and the export need, {@code PutObject} and {@code GetObject}, signed with the SDK's own
 * Signature Version 4 signer and sent with the SDK's HTTP client (the one DynamoDB uses).
 * <p>
 * Why not the SDK's {@code s3} module: measured, it takes the Lambda package from 18.9 MB to 23.5 MB, over the 20 MB
 * budget; these two calls add a few kilobytes. With an endpoint override (a local S3-compatible server) objects are
 * addressed path-style, in AWS virtual-hosted-style. Thread-safe.
 */
public final class S3Objects {

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final String region;
    private final URI endpoint;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    /**
     * @param endpoint an S3-compatible server, or {@code null} for AWS
     */
    public S3Objects(SdkHttpClient http, AwsCredentialsProvider credentials, String region, URI endpoint) {
        this.http = http;
        this.credentials = credentials;
        this.region = region;
        this.endpoint = endpoint;
    }

    /** Builds the S3 client of the configuration: its region and endpoint override, the SDK's Apache 5 client. */
    public static S3Objects create(ApiConfig config) {
        return new S3Objects(Apache5HttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(20))
                .build(), DynamoDbClientFactory.credentials(config.s3Endpoint() != null), config.region(),
                config.s3Endpoint());
    }

    /** Stores an object. */
    public void put(String bucket, String key, byte[] bytes) {
        put(bucket, key, bytes.length, ContentStreamProvider.fromByteArray(bytes));
    }

    /**
     * Stores a file as an object, streamed from disk (read twice: once to sign its digest, once to send it), so its
     * size does not bound the heap.
     */
    public void put(String bucket, String key, Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("The file to store as s3://" + bucket + "/" + key + " could not be read.", e);
        }
        put(bucket, key, size, () -> {
            try {
                return Files.newInputStream(file);
            } catch (IOException e) {
                throw new UncheckedIOException("The file to store as s3://" + bucket + "/" + key
                        + " could not be read.", e);
            }
        });
    }

    private void put(String bucket, String key, long length, ContentStreamProvider payload) {
        SdkHttpRequest request = request(SdkHttpMethod.PUT, bucket, key)
                .putHeader("Content-Length", Long.toString(length))
                .putHeader("Content-Type", "application/octet-stream")
                .build();
        try (InputStream ignored = send(request, payload, bucket, key)) {
            // The body of a successful PUT is empty.
        } catch (IOException e) {
            throw new UncheckedIOException("The response to storing s3://" + bucket + "/" + key + " could not be read.", e);
        }
    }

    /**
     * Reads an object.
     *
     * @return its bytes, or empty when there is no such object
     */
    public Optional<byte[]> get(String bucket, String key) {
        SdkHttpRequest request = request(SdkHttpMethod.GET, bucket, key).build();
        try (InputStream body = send(request, null, bucket, key)) {
            return body == null ? Optional.empty() : Optional.of(body.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("s3://" + bucket + "/" + key + " could not be read.", e);
        }
    }

    private SdkHttpRequest.Builder request(SdkHttpMethod method, String bucket, String key) {
        String path = encode(key);
        URI uri = endpoint == null
                ? URI.create("https://" + bucket + ".s3." + region + ".amazonaws.com/" + path)
                : URI.create(endpoint.toString().replaceAll("/+$", "") + "/" + bucket + "/" + path);
        return SdkHttpRequest.builder().method(method).uri(uri);
    }

    /** Returns the body of a 2xx response, {@code null} for a 404; throws for anything else. */
    private InputStream send(SdkHttpRequest request, ContentStreamProvider payload, String bucket, String key) {
        SignedRequest signed = signer.sign(r -> r.identity(credentials.resolveCredentials())
                .request(request)
                .payload(payload)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true));
        HttpExecuteResponse response;
        try {
            response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null)).build()).call();
        } catch (IOException e) {
            throw new UncheckedIOException("S3 could not be reached for s3://" + bucket + "/" + key + ".", e);
        }
        int status = response.httpResponse().statusCode();
        AbortableInputStream body = response.responseBody().orElse(null);
        if (status / 100 == 2) {
            return body == null ? InputStream.nullInputStream() : body;
        }
        close(body);
        if (status == 404) {
            return null;
        }
        throw new IllegalStateException("S3 answered " + status + " for " + request.method() + " s3://" + bucket + "/"
                + key + ".");
    }

    private static String encode(String key) {
        StringBuilder out = new StringBuilder();
        for (String segment : key.split("/", -1)) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return out.toString();
    }

    private static void close(InputStream in) {
        if (in == null) {
            return;
        }
        try {
            in.close();
        } catch (IOException ignored) {
            // The status is what is reported.
        }
    }
}
