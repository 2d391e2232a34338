package org.finfacts.core;

import org.finfacts.extract.AnalyzedText;
import org.finfacts.extract.MentionMerger;
import org.finfacts.extract.Recognizer;
import org.finfacts.extract.date.DateExtractor;
import org.finfacts.extract.date.DateLexicon;
import org.finfacts.extract.date.DateResolver;
import org.finfacts.extract.company.CompanyEntry;
import org.finfacts.extract.company.CompanyRecognizer;
import org.finfacts.extract.fact.FactExtractor;
import org.finfacts.extract.money.QuantityRecognizer;
import org.finfacts.extract.fact.PatternFactExtractor;
import org.finfacts.extract.person.PersonRecognizer;
import org.finfacts.facts.AnnotatedDocument;
import org.finfacts.facts.CompanyMention;
import org.finfacts.facts.DateMention;
import org.finfacts.facts.Fact;
import org.finfacts.facts.Mention;
import org.finfacts.facts.MentionType;
import org.finfacts.facts.MoneyMention;
import org.finfacts.facts.Regions;
import org.finfacts.normalize.PublicationTime;
import org.finfacts.normalize.PublicationTimeFinder;
import org.finfacts.normalize.ResolutionContext;
import org.finfacts.normalize.TextPublicationTimeFinder;
import org.finfacts.normalize.TimeLinePublicationFinder;
import org.finfacts.text.ArticleRegionFinder;
import org.finfacts.text.NormalizedText;
import org.finfacts.text.PageRules;
import org.finfacts.text.RegionFinder;
import org.finfacts.text.Sentence;
import org.finfacts.text.SentenceSplitter;
import org.finfacts.text.TextNormalizer;
import org.finfacts.tokenize.HanlpTokenizer;
import org.finfacts.tokenize.Token;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The library's facade: a {@link Document} in, an {@link AnnotatedDocument} out.
 *
 * <p>Stages: normalise the text into a working copy with an offset map; find the article's regions;
 * split sentences; tokenize with HanLP; establish the publication time (given, or stated in the text);
 * run the recognizers (money and quantities, dates, companies, persons); merge overlaps; drop
 * boilerplate outside the regions; tie mentions into facts; map every offset back to code points of
 * the original text. {@link #process} never throws: a failing document comes back with its reason.
 * Build once with {@link #create}, then share between threads.
 */
public final class Engine {
    private final EngineConfig config;
    private final TextNormalizer normalizer = new TextNormalizer();
    private final SentenceSplitter splitter = new SentenceSplitter();
    private final HanlpTokenizer tokenizer;
    private final List<Recognizer> recognizers;
    private final MentionMerger merger = new MentionMerger();
    private final RegionFinder regionFinder;
    private final PublicationTimeFinder publicationTimeFinder;
    private final FactExtractor factExtractor;
    private final List<String> recognizerStages;

    private Engine(EngineConfig config, HanlpTokenizer tokenizer, List<Recognizer> recognizers,
                   RegionFinder regionFinder, PublicationTimeFinder publicationTimeFinder, FactExtractor factExtractor) {
        this.config = config;
        this.tokenizer = tokenizer;
        this.recognizers = List.copyOf(recognizers);
        this.regionFinder = regionFinder;
        this.publicationTimeFinder = publicationTimeFinder;
        this.factExtractor = factExtractor;
        this.recognizerStages = this.recognizers.stream().map(r -> "recognizer:" + r.name()).toList();
    }

    /** Builds an engine, loading every model file once; a broken model fails here, naming the file. */
    public static Engine create(EngineConfig config) {
        HanlpTokenizer tokenizer = new HanlpTokenizer(config.tokenizer());
        List<Recognizer> recognizers = new ArrayList<>();
        recognizers.add(QuantityRecognizer.create(config.models()));
        DateLexicon dates = DateLexicon.load(config.models());
        recognizers.add(Recognizer.of("date", new DateExtractor(dates), new DateResolver(dates)));
        CompanyRecognizer companies = new CompanyRecognizer(config.models());
        recognizers.add(companies);
        recognizers.add(new PersonRecognizer(config.models(), companies.gazetteer()));
        ArticleRegionFinder regions = new ArticleRegionFinder(PageRules.load(config.models()));
        PublicationTimeFinder published = PublicationTimeFinder.firstOf(new TimeLinePublicationFinder(regions),
                new TextPublicationTimeFinder());
        return new Engine(config, tokenizer, recognizers, regions, published, new PatternFactExtractor(config.models(),
                id -> {
                    CompanyEntry e = companies.gazetteer().entry(id);
                    return e == null ? null : e.kind();
                }));
    }

    /** An engine with the default configuration and the bundled models. */
    public static Engine createDefault() {
        return create(EngineConfig.defaults());
    }

    /** The configuration the engine was built with. */
    public EngineConfig config() {
        return config;
    }

    /** The tokenizer adapter (shared with benchmarks that measure segmentation alone). */
    public HanlpTokenizer tokenizer() {
        return tokenizer;
    }

    /** The stage that ties mentions into facts (used alone by the oracle evaluation). */
    public FactExtractor factExtractor() {
        return factExtractor;
    }

    /** The recognizers, in the order they run. */
    public List<Recognizer> recognizers() {
        return recognizers;
    }

    /** Annotates one document; never throws. */
    public AnnotatedDocument process(Document document) {
        return process(document, null);
    }

    /**
     * Annotates one document as {@link #process(Document)} does, adding the time each stage took to
     * {@code times} when it is not null (benchmarks' per-stage breakdown).
     */
    public AnnotatedDocument process(Document document, StageTimes times) {
        return processAll(java.util.Collections.singletonList(document), times).get(0);
    }

    /**
     * Annotates several documents, each exactly as {@link #process(Document)} would, and returns the
     * results in order; never throws for a document's content. The stages run stage by stage over
     * the whole list (tokenize every document, then each recognizer over every document, ...), so
     * each stage's code and tables stay in the processor's caches for the batch: give it a few dozen
     * documents at a time for the best throughput.
     */
    public List<AnnotatedDocument> processAll(List<Document> documents) {
        return processAll(documents, null);
    }

    /** {@link #processAll(List)}, adding each stage's time to {@code times} when it is not null. */
    public List<AnnotatedDocument> processAll(List<Document> documents, StageTimes times) {
        List<Work> work = new ArrayList<>(documents.size());
        for (Document d : documents) {
            Work w = new Work(d);
            work.add(w);
            w.check(config.maxChars());
        }
        for (Work w : work) {
            w.run(() -> w.analyzed = analyze(w.document, times));
        }
        for (Work w : work) {
            w.run(() -> context(w, times));
        }
        for (int i = 0; i < recognizers.size(); i++) {
            Recognizer r = recognizers.get(i);
            String stage = recognizerStages.get(i);
            for (Work w : work) {
                w.run(() -> {
                    long t = System.nanoTime();
                    w.mentions.addAll(r.recognize(w.analyzed, w.context));
                    lap(times, stage, t);
                });
            }
        }
        List<AnnotatedDocument> out = new ArrayList<>(work.size());
        for (Work w : work) {
            w.run(() -> w.result = finish(w, times));
            out.add(w.result);
        }
        return out;
    }

    /** One document on its way through the stages; {@code result} is set once it failed or finished. */
    private static final class Work {
        final Document document;
        AnalyzedText analyzed;
        Regions regions;
        final List<String> warnings = new ArrayList<>();
        ResolutionContext context = ResolutionContext.unknown();
        String publishedFrom;
        Optional<PublicationTimeFinder.Found> stated = Optional.empty();
        final List<Mention> mentions = new ArrayList<>();
        AnnotatedDocument result;

        Work(Document document) {
            this.document = document;
        }

        void check(int maxChars) {
            String id = document == null ? null : document.id();
            if (document == null || document.text() == null) {
                result = AnnotatedDocument.failed(id, "no text");
            } else if (document.text().length() > maxChars) {
                result = AnnotatedDocument.failed(id, "too large: " + document.text().length()
                        + " characters (limit " + maxChars + ")");
            }
        }

        /** Runs one stage for this document unless it has a result; a failure becomes its result. */
        void run(Runnable stage) {
            if (result != null) {
                return;
            }
            String id = document.id();
            try {
                stage.run();
            } catch (StackOverflowError e) {
                result = AnnotatedDocument.failed(id, "internal error: input too deeply nested for the extractor");
            } catch (RuntimeException e) {
                result = AnnotatedDocument.failed(id, "internal error: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            }
        }
    }

    /** The analysis stages up to tokens, for tools that need the working copy (benchmarks, tests). */
    public AnalyzedText analyze(Document document) {
        return analyze(document, null);
    }

    private AnalyzedText analyze(Document document, StageTimes times) {
        long t = System.nanoTime();
        NormalizedText normalized = normalizer.normalize(document.text());
        t = lap(times, "normalize", t);
        List<Sentence> sentences = splitter.split(normalized.text());
        t = lap(times, "sentences", t);
        List<Token> tokens = new ArrayList<>();
        for (Sentence s : sentences) {
            tokens.addAll(tokenizer.tokenize(normalized.text(), s.start(), s.end()));
        }
        t = lap(times, "tokenize", t);
        AnalyzedText analyzed = new AnalyzedText(document, normalized, sentences, tokens);
        lap(times, "analyzed-view", t);
        return analyzed;
    }

    private static long lap(StageTimes times, String stage, long since) {
        if (times == null) {
            return since;
        }
        long now = System.nanoTime();
        times.add(stage, now - since);
        return now;
    }

    /** The article's regions and the publication time (given, or stated in the text). */
    private void context(Work w, StageTimes times) {
        long t = System.nanoTime();
        Document document = w.document;
        AnalyzedText analyzed = w.analyzed;
        w.regions = regionFinder.find(analyzed.normalized(), document.title());
        t = lap(times, "regions", t);
        Optional<ResolutionContext> given = PublicationTime.parse(document.published(), "input");
        if (given.isPresent()) {
            w.context = given.get();
            w.publishedFrom = "input";
        } else if (document.published() != null && !document.published().isBlank()) {
            w.warnings.add("unparseable published time ignored: " + document.published());
        }
        w.stated = publicationTimeFinder.find(analyzed);
        if (w.stated.isPresent() && !w.context.hasReference()) {
            w.context = w.stated.get().context();
            w.publishedFrom = "text";
        }
        lap(times, "published", t);
    }

    /** Merges the recognizers' mentions, keeps those in the article, ties facts, maps back to the original. */
    private AnnotatedDocument finish(Work w, StageTimes times) {
        long t = System.nanoTime();
        List<Mention> all = w.mentions;
        Regions regions = w.regions;
        if (w.stated.isPresent()) {
            DateMention published = w.stated.get().mention().withRole("published");
            all.removeIf(m -> m.type() == MentionType.DATE && m.overlaps(published));
            all.add(published);
        }
        List<Mention> merged = merger.merge(all);
        if (regions != null) {
            merged.removeIf(m -> !regions.covers(m.start(), m.end())
                    && !(m instanceof DateMention d && "published".equals(d.role())));
        }
        t = lap(times, "merge", t);
        List<Fact> facts = factExtractor.extract(w.analyzed, merged, w.context);
        t = lap(times, "facts", t);
        AnnotatedDocument out = toOriginal(w.document, w.analyzed, regions, w.context, w.publishedFrom, merged, facts,
                w.warnings);
        lap(times, "to-original", t);
        return out;
    }

    private static AnnotatedDocument toOriginal(Document document, AnalyzedText analyzed, Regions regions,
                                                ResolutionContext context, String publishedFrom,
                                                List<Mention> mentions, List<Fact> facts, List<String> warnings) {
        NormalizedText n = analyzed.normalized();
        Map<Mention, Mention> mapped = new IdentityHashMap<>();
        Set<Mention> dropped = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<Mention> out = new ArrayList<>(mentions.size());
        Mention last = null;
        for (Mention m : mentions) {
            int s = n.originalStart(m.start());
            int e = n.originalEnd(m.end());
            Mention o = m.withSpan(s, e, n.originalSlice(s, e));
            if (last != null && last.overlaps(o)) {
                // two working-copy mentions from one original character (an NFKC expansion): keep the first
                dropped.add(m);
                continue;
            }
            mapped.put(m, o);
            out.add(o);
            last = o;
        }
        List<Fact> outFacts = new ArrayList<>(facts.size());
        for (Fact f : facts) {
            if (dropped.contains(f.amount())) {
                continue;
            }
            outFacts.add(new Fact(f.type(), f.subject(), (CompanyMention) mapOrSelf(mapped, f.subjectMention(), n),
                    f.object(), (CompanyMention) mapOrSelf(mapped, f.objectMention(), n),
                    (MoneyMention) mapOrSelf(mapped, f.amount(), n), f.date(), f.cumulative(), f.change(),
                    f.direction(), f.forecast(), span(n, f.sentence()), f.trigger()));
        }
        List<Fact.Span> sentences = new ArrayList<>(analyzed.sentences().size());
        for (Sentence s : analyzed.sentences()) {
            sentences.add(span(n, new Fact.Span(s.start(), s.end())));
        }
        Regions outRegions = regions == null ? null
                : new Regions(span(n, regions.title()), span(n, regions.body()));
        String title = document.title();
        if ((title == null || title.isBlank()) && outRegions != null && outRegions.title() != null) {
            title = n.originalSlice(outRegions.title().start(), outRegions.title().end());
        }
        return new AnnotatedDocument(document.id(), title, PublicationTime.format(context), publishedFrom,
                document.url(), document.source(), document.text(), outRegions, sentences, out, outFacts,
                warnings, null);
    }

    private static Mention mapOrSelf(Map<Mention, Mention> mapped, Mention m, NormalizedText n) {
        if (m == null) {
            return null;
        }
        Mention o = mapped.get(m);
        if (o != null) {
            return o;
        }
        int s = n.originalStart(m.start());
        int e = n.originalEnd(m.end());
        return m.withSpan(s, e, n.originalSlice(s, e));
    }

    private static Fact.Span span(NormalizedText n, Fact.Span s) {
        if (s == null) {
            return null;
        }
        return new Fact.Span(n.originalStart(s.start()), n.originalEnd(s.end()));
    }
}
