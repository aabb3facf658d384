import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

/**
 * run.sh's stand-in for curl on machines without it (the JDK is the one requirement):
 * {@code java Http.java METHOD URL [BODY|@FILE]} prints the response body, then {@code [HTTP code]};
 * exits 0 for 2xx, 22 otherwise, as {@code curl -f} does.
 */
public class Http {
  public static void main(String[] args) throws Exception {
    HttpRequest.BodyPublisher body = args.length < 3 ? HttpRequest.BodyPublishers.noBody()
        : args[2].startsWith("@") ? HttpRequest.BodyPublishers.ofFile(Path.of(args[2].substring(1)))
        : HttpRequest.BodyPublishers.ofString(args[2]);
    String type = args.length > 2 && args[2].startsWith("@") ? "application/octet-stream" : "application/json";
    HttpRequest request = HttpRequest.newBuilder(URI.create(args[1])).method(args[0], body).header("Content-Type", type).build();
    HttpResponse<String> response;
    try {
      response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      System.exit(7); // curl's "failed to connect"
      return;
    }
    System.out.println(response.body());
    System.out.println("[HTTP " + response.statusCode() + "]");
    System.exit(response.statusCode() / 100 == 2 ? 0 : 22);
  }
}
