package org.convene.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.convene.framework.CommonFramework;
import org.convene.framework.FrameworkElementDraft;
import org.convene.framework.RecommendationDraft;
import org.convene.framework.Recommendations;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

/**
 * The completed demo meeting's recommendations and Common Framework ({@code demo/common-framework.yaml},
 * drawn from the domain's sample data, illustrative where it says so), entered as staff would on
 * their pages before they complete "Draft recommendations" and "Draft Common Framework".
 */
@Component
class DemoFramework {

    private final Recommendations recommendations;
    private final CommonFramework framework;
    private final Map<String, Object> content;

    DemoFramework(Recommendations recommendations, CommonFramework framework) {
        this.recommendations = recommendations;
        this.framework = framework;
        this.content = load();
    }

    /** Enters the recommendations, unless the meeting has some already. */
    @SuppressWarnings("unchecked")
    void enterRecommendations(String meetingCode, String user) {
        if (!recommendations.list(meetingCode).isEmpty()) {
            return;
        }
        recommendations.replace(meetingCode, ((List<Map<String, Object>>) content.get("recommendations")).stream()
                .map(r -> new RecommendationDraft(null, (String) r.get("text"), (Integer) r.get("objective"),
                        (String) r.get("proposes"), (List<String>) r.get("findings")))
                .toList(), user);
    }

    /** Enters the framework's elements, unless it has some already. */
    @SuppressWarnings("unchecked")
    void enterFramework(String meetingCode, String user) {
        if (!framework.elements(meetingCode).isEmpty()) {
            return;
        }
        framework.replace(meetingCode, ((List<Map<String, Object>>) content.get("elements")).stream()
                .map(e -> new FrameworkElementDraft(null, (String) e.get("kind"), (String) e.get("title"),
                        (String) e.get("text"), (String) e.get("formOfSupport"), (String) e.get("phase"),
                        (String) e.get("arrangement"), Boolean.TRUE.equals(e.get("illustrative")),
                        (List<String>) e.get("recommendations")))
                .toList(), user);
    }

    private static Map<String, Object> load() {
        try (InputStream in = new ClassPathResource("demo/common-framework.yaml").getInputStream()) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
