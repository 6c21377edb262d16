package org.licencerisk.screening.names;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a firm's name, in any of the scripts met on denial notifications, into comparable words.
 * <p>
 * The steps, each public so that each is tested on its own, run in this order:
 * <ol>
 *     <li>{@link #fold}: compatibility forms decomposed (NFKD), accents and other marks removed, lower case;</li>
 *     <li>{@link #joinInitials}: dotted initials written together ({@code s.a.} becomes {@code sa});</li>
 *     <li>{@link #tokens}: every letter spelt in Latin ({@link Transliteration}), each Chinese character a
 *     syllable of its own, punctuation and symbols as word breaks ({@code &} as {@code and}, apostrophes
 *     dropped);</li>
 *     <li>{@link #withoutLegalForms}: legal forms at either end removed ({@code Co., Ltd.}, {@code GmbH},
 *     {@code ООО}, {@code 有限公司}, {@code شركة}, {@code Α.Ε.}, … in any of their spellings), never every word;</li>
 *     <li>{@link #canonicalWords}: abbreviations and transliterated generic words spelt one way ({@code Intl},
 *     {@code mezhdunarodnyi} and {@code guoji} all become {@code international}), the Arabic article removed,
 *     filler words ({@code and}, {@code the}, {@code of}) dropped.</li>
 * </ol>
 * Thread-safe and stateless.
 */
public final class NameNormaliser {

    private static final Pattern INITIALS = Pattern.compile("(?<![\\p{L}\\p{N}])(\\p{L})\\.(?=\\p{L}(?![\\p{L}\\p{N}]))");

    /** Characters that only mark an administrative unit inside a Chinese name (市 city, 省 province). */
    private static final Set<Integer> HAN_UNIT_MARKERS = Set.of((int) '市', (int) '省');

    private static final List<String> LEGAL_FORM_SPELLINGS = List.of(
            "Co", "Company", "Corp", "Corporation", "Inc", "Incorporated", "Ltd", "Limited", "LLC", "LLP", "PLC",
            "Co Ltd", "Company Limited", "Limited Liability Company", "Ltd (HK)", "Limited (HK)", "(HK) Ltd",
            "(HK) Limited", "(HK) Co Ltd", "Pte Ltd", "Pte", "Pvt Ltd", "Private Limited", "Pty Ltd", "Sdn Bhd", "Bhd",
            "GmbH", "mbH", "GmbH & Co KG", "AG", "KG", "SA", "SAS", "SARL", "SRL", "SpA", "SL", "BV", "NV", "AB", "AS",
            "A/S", "ApS", "Oy", "Kft", "s.r.o.", "d.o.o.", "Sp. z o.o.", "LTD STI", "Limited Sirketi", "Anonim Sirketi",
            "OOO", "ZAO", "OAO", "PAO", "AO", "PJSC", "JSC", "CJSC", "OJSC", "TOO", "TOV", "ООО", "ЗАО", "ОАО", "ПАО",
            "АО", "ТОО", "ТОВ", "Общество с ограниченной ответственностью", "Акционерное общество",
            "Закрытое акционерное общество", "Открытое акционерное общество", "Публичное акционерное общество",
            "Obshchestvo s ogranichennoy otvetstvennostyu",
            "Est", "Establishment", "FZE", "FZCO", "FZC", "FZ-LLC", "WLL", "SAL", "SAE", "SAOG", "شركة", "مؤسسة",
            "ذ.م.م", "ش.م.م", "ش.م.ع", "ش.م.ل", "ذات مسؤولية محدودة", "Sharikat", "Sharika", "Sherkat", "Sharikah",
            "Muassasa", "Muassasat",
            "有限公司", "有限责任公司", "有限責任公司", "股份有限公司", "公司", "Youxian Gongsi", "Youxian Zeren Gongsi",
            "Gufen Youxian Gongsi", "Gongsi",
            "Α.Ε.", "Ε.Π.Ε.", "Ι.Κ.Ε.", "Ο.Ε.", "Ε.Ε.", "ΑΒΕΕ", "AE", "EPE", "IKE", "ABEE");

    private static final List<List<String>> LEGAL_FORMS = legalForms();

    private static final Map<String, String> CANONICAL = new HashMap<>();

    /** Large Chinese cities, whose syllables are joined as in their Latin spelling. */
    private static final Set<String> HAN_CITIES = Set.of("beijing", "shanghai", "shenzhen", "guangzhou", "chengdu",
            "wuhan", "hangzhou", "tianjin", "xian", "nanjing", "chongqing", "dalian", "xiamen", "suzhou", "qingdao",
            "xianggang", "dongguan", "zhuhai", "ningbo", "changsha", "zhengzhou", "shenyang", "harbin");

    private static final Set<String> FILLER = Set.of("and", "the", "of", "for", "und", "et", "al", "el", "lil");

    static {
        canonical("technology", "tech technol techn technologies technologie technologies technik teknoloji "
                + "tecnologia tecnologias technologia tekhnologii tekhnologiya tekhnologiy tekhnologiyi keji jishu "
                + "tknwlwjya tiknulujiya");
        canonical("international", "intl internat internacional internatsional mezhdunarodnyy mezhdunarodnyi "
                + "mezhdunarodnaya guoji dwlya dawliya diethnis");
        canonical("engineering", "eng engg engineer engineers inzhiniring gongcheng handasa mihanikis");
        canonical("manufacturing", "mfg mfr manufacture manufacturer manufacturers zhizao proizvodstvo");
        canonical("electronics", "elec electr electronic elektronik elektronika dianzi iliktrwnyat iliktruniyat "
                + "ilktrwnyat alktrwnyat ilektronika ilektronik");
        canonical("systems", "sys system sistemy sistema sistem xitong systimata");
        canonical("industry", "ind inds industries industrial industrie industria gongye shiye promyshlennost "
                + "sinaa sanaa viomichania");
        canonical("trading", "trd trade trader traders tradings torgovyy torgovyi torgovaya torgovoe treid treyd "
                + "maoyi tjara tijara tijarah tijarat emporiki emporia");
        canonical("services", "svc svcs service servis servisy fuwu khadamat khdmat ypiresies");
        canonical("group", "grp gruppa jituan majmuat mjmwa omilos");
        canonical("communications", "comm comms communication telecom telecommunications tongxin svyaz ittisalat atsalat tsalat");
        canonical("security", "sec anquan bezopasnost amn");
        canonical("equipment", "equip eqpt shebei oborudovanie muaddat");
        canonical("instruments", "instr instrument yiqi pribory pribor");
        canonical("science", "sci sciences kexue nauka nauchnyy");
        canonical("information", "info xinxi informatsiya informatsionnyye");
        canonical("software", "soft sw ruanjian");
        canonical("network", "networks net wangluo seti");
        canonical("machinery", "mach machines machine jixie mashinostroenie");
        canonical("development", "dev devt fazhan razvitie");
        canonical("holding", "hldg hldgs holdings konggu kholding");
        canonical("logistics", "logistic wuliu logistika");
        canonical("contracting", "contractors contractor muqawalat mqawlat");
        canonical("research", "res yanjiu issledovaniya");
        canonical("export", "exports exp eksport chukou");
        canonical("import", "imports imp");
        canonical("automation", "automatic zidonghua avtomatika");
        canonical("precision", "jingmi");
        canonical("optical", "optics optic guangdian guangxue optika");
        canonical("brothers", "bros");
        canonical("associates", "assoc assocs");
        canonical("distribution", "dist distributors distributor");
    }

    private NameNormaliser() {
    }

    private static void canonical(String canonical, String spellings) {
        CANONICAL.put(canonical, canonical);
        for (String spelling : spellings.split(" ")) {
            CANONICAL.put(spelling, canonical);
        }
    }

    /**
     * Normalises a name through every step.
     *
     * @param name a firm's name in any script, or {@code null}
     * @return its comparable words (empty for a blank or {@code null} name)
     */
    public static NormalisedName normalise(String name) {
        if (name == null || name.isBlank()) {
            return new NormalisedName(List.of());
        }
        return new NormalisedName(canonicalWords(withoutLegalForms(tokens(joinInitials(fold(name))))));
    }

    /**
     * Step 1: compatibility forms decomposed, marks removed, lower case.
     *
     * @param name the raw name
     * @return the folded name
     */
    public static String fold(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK
                    && type != Character.COMBINING_SPACING_MARK && type != Character.FORMAT) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Step 2: dotted single-letter initials written together, so that {@code s.a.} and {@code sa} read alike.
     *
     * @param folded a folded name
     * @return the name with initials joined
     */
    public static String joinInitials(String folded) {
        String previous;
        String current = folded;
        do {
            previous = current;
            current = INITIALS.matcher(current).replaceAll("$1");
        } while (!current.equals(previous));
        return current;
    }

    /**
     * Step 3: the words of a folded name, every letter spelt in Latin.
     *
     * @param folded a folded name
     * @return its words, each with the script it came from
     */
    public static List<NameToken> tokens(String folded) {
        List<NameToken> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        Script[] origin = {null};
        int[] cps = folded.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int cp = cps[i];
            Script script = Character.isLetterOrDigit(cp) ? Transliteration.scriptOf(cp) : null;
            if (script == Script.HAN) {
                flush(tokens, word, origin);
                if (!HAN_UNIT_MARKERS.contains(cp)) {
                    String syllable = Transliteration.latin(cp);
                    tokens.add(new NameToken(syllable, HanReadings.instance().reading(cp) != null ? Script.HAN : Script.OTHER));
                }
                continue;
            }
            if (script == null) {
                if (cp == '\'' || cp == '\u2019' || cp == '\u02bc' || cp == '`') {
                    continue;
                }
                flush(tokens, word, origin);
                if (cp == '&' || cp == '+') {
                    tokens.add(NameToken.latin("and"));
                }
                continue;
            }
            if (script == Script.GREEK && i + 1 < cps.length && cps[i + 1] == 'υ' && (cp == 'ο' || cp == 'α' || cp == 'ε')) {
                word.append(cp == 'ο' ? "ou" : cp == 'α' ? "av" : "ev");
                i++;
            } else {
                word.append(Transliteration.latin(cp));
            }
            if (origin[0] == null || origin[0] == Script.OTHER || origin[0] == Script.LATIN) {
                origin[0] = Character.isDigit(cp) && origin[0] == null ? Script.OTHER : script;
            }
        }
        flush(tokens, word, origin);
        return tokens;
    }

    private static void flush(List<NameToken> tokens, StringBuilder word, Script[] origin) {
        if (word.length() > 0) {
            tokens.add(new NameToken(word.toString(), origin[0] == null ? Script.OTHER : origin[0]));
        }
        word.setLength(0);
        origin[0] = null;
    }

    /**
     * Step 4: legal forms removed from either end of the name, longest first, as long as a word is left.
     *
     * @param tokens the words of a name
     * @return the words without leading or trailing legal forms
     */
    public static List<NameToken> withoutLegalForms(List<NameToken> tokens) {
        int from = 0;
        int to = tokens.size();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (List<String> form : LEGAL_FORMS) {
                int n = form.size();
                if (to - from <= n) {
                    continue;
                }
                if (matches(tokens, to - n, form)) {
                    to -= n;
                    changed = true;
                    break;
                }
                if (matches(tokens, from, form)) {
                    from += n;
                    changed = true;
                    break;
                }
            }
        }
        return List.copyOf(tokens.subList(from, to));
    }

    private static boolean matches(List<NameToken> tokens, int at, List<String> form) {
        for (int i = 0; i < form.size(); i++) {
            if (!tokens.get(at + i).text().equals(form.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Step 5: one spelling for abbreviations and generic words, the Arabic article removed, filler words dropped.
     *
     * @param tokens the words of a name
     * @return the canonical words
     */
    public static List<NameToken> canonicalWords(List<NameToken> tokens) {
        List<NameToken> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            NameToken token = tokens.get(i);
            if (token.origin() == Script.HAN) {
                int joined = joinedHanWord(tokens, i, out);
                if (joined > 0) {
                    i += joined - 1;
                    continue;
                }
            }
            String text = token.text();
            if (token.origin() == Script.ARABIC) {
                text = withoutArabicArticle(text);
            }
            if (token.origin() != Script.HAN && FILLER.contains(text)) {
                continue;
            }
            if (text.equals("import") && i + 1 < tokens.size() && tokens.get(i + 1).text().equals("export")) {
                out.add(new NameToken("impex", token.origin()));
                i++;
                continue;
            }
            String canonical = token.origin() == Script.HAN ? null : CANONICAL.get(text);
            out.add(canonical == null ? (text.equals(token.text()) ? token : new NameToken(text, token.origin()))
                    : new NameToken(canonical, token.origin()));
        }
        return out.isEmpty() ? List.copyOf(tokens) : out;
    }

    /**
     * Chinese syllables that together spell a known word (a generic word or a large city) are written as that word,
     * as they are in Latin: {@code ke ji} becomes {@code technology}, {@code bei jing} becomes {@code beijing}.
     *
     * @return how many syllables were joined, 0 for none
     */
    private static int joinedHanWord(List<NameToken> tokens, int at, List<NameToken> out) {
        for (int length = Math.min(4, tokens.size() - at); length >= 2; length--) {
            StringBuilder word = new StringBuilder();
            boolean allHan = true;
            for (int k = at; k < at + length; k++) {
                allHan &= tokens.get(k).origin() == Script.HAN;
                word.append(tokens.get(k).text());
            }
            if (!allHan) {
                continue;
            }
            String canonical = CANONICAL.get(word.toString());
            if (canonical == null && HAN_CITIES.contains(word.toString())) {
                canonical = word.toString();
            }
            if (canonical != null) {
                out.add(new NameToken(canonical, Script.HAN));
                return length;
            }
        }
        return 0;
    }

    /**
     * The Arabic definite article and the prepositions fused with it ({@code al-}, {@code wal-}, {@code lil-}),
     * as transliterated, removed from the front of a word of Arabic origin.
     */
    static String withoutArabicArticle(String word) {
        for (String prefix : new String[] {"wal", "ll", "al"}) {
            if (word.startsWith(prefix) && word.length() - prefix.length() >= 3) {
                return word.substring(prefix.length());
            }
        }
        return word;
    }

    private static List<List<String>> legalForms() {
        List<List<String>> forms = new ArrayList<>();
        for (String spelling : LEGAL_FORM_SPELLINGS) {
            List<String> words = tokens(joinInitials(fold(spelling))).stream().map(NameToken::text).toList();
            if (!words.isEmpty() && !forms.contains(words)) {
                forms.add(words);
            }
        }
        forms.sort(Comparator.comparingInt((List<String> f) -> f.size()).reversed());
        return List.copyOf(forms);
    }

    /**
     * Whether a word is one of the canonical generic words (the targets of {@link #canonicalWords}).
     *
     * @param word a normalised word
     * @return true for {@code technology}, {@code trading}, …
     */
    public static boolean isCanonicalGenericWord(String word) {
        return word.equals(CANONICAL.get(word));
    }
}
