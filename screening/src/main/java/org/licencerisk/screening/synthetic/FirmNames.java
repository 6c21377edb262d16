package org.licencerisk.screening.synthetic;

import org.licencerisk.screening.names.HanReadings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Composes made-up firms and writes their names the ways real names vary. Nothing here names a real firm on
 * purpose; any likeness is chance.
 */
public final class FirmNames {

    /** The script family a firm's name is native to. */
    public enum Kind {
        LATIN("DE", "TR", "IN", "PK", "SG", "MY", "AE", "GB", "IT", "BR"),
        CYRILLIC("RU", "RU", "RU", "BY", "KZ"),
        HAN("CN", "CN", "CN", "HK"),
        ARABIC("AE", "SA", "SY", "EG", "IR"),
        GREEK("GR", "CY");

        private final String[] countries;

        Kind(String... countries) {
            this.countries = countries;
        }
    }

    // Each row: native, Latin (alternatives separated by '|').
    private static final String[][] INDUSTRY_LATIN = {
            {"Technologies|Tech|Technology"}, {"Electronics|Elec|Electronic"}, {"Trading|Trade|Trd"},
            {"Engineering|Eng|Engineering Services"}, {"Systems|Sys|System"}, {"International Trading|Intl Trading"},
            {"Industries|Industrial|Ind"}, {"Communications|Comms|Communication"}, {"Manufacturing|Mfg"},
            {"Security Systems|Security Sys"}, {"Precision Instruments|Precision Instr"}, {"Software|Soft"},
            {"Network Technologies|Network Tech"}, {"Logistics|Logistic"}, {"Import Export|Impex"}};
    private static final String[][] INDUSTRY_CYRILLIC = {
            {"Технологии", "Technologies|Tekhnologii|Tech"}, {"Системы", "Systems|Sistemy"},
            {"Электроника", "Electronics|Elektronika"}, {"Трейд", "Trade|Trading"},
            {"Инжиниринг", "Engineering|Inzhiniring"}, {"Приборы", "Instruments|Pribory"},
            {"Связь", "Communications|Svyaz"}, {"Оборудование", "Equipment|Oborudovanie"}};
    private static final String[][] INDUSTRY_HAN = {
            {"电子", "Electronics|Dianzi|Electronic"}, {"科技", "Technology|Keji|Technologies|Tech"},
            {"贸易", "Trading|Maoyi|Trade"}, {"通信", "Communications|Tongxin|Communication"},
            {"信息技术", "Information Technology|Xinxi Jishu|Info Tech"}, {"精密仪器", "Precision Instruments|Jingmi Yiqi"},
            {"自动化", "Automation|Zidonghua"}, {"网络", "Network|Wangluo|Networks"}, {"软件", "Software|Ruanjian"},
            {"安全", "Security|Anquan"}};
    private static final String[][] INDUSTRY_ARABIC = {
            {"للتجارة", "Trading|Trade|Trading Co"}, {"للتكنولوجيا", "Technology|Tech|Technologies"},
            {"للإلكترونيات", "Electronics|Electronic"}, {"للمقاولات", "Contracting|Contractors"},
            {"للخدمات", "Services|Service"}, {"للاتصالات", "Communications|Telecom Communications"}};
    private static final String[][] INDUSTRY_GREEK = {
            {"Τεχνολογίες", "Technologies|Technology|Tech"}, {"Συστήματα", "Systems|Systimata"},
            {"Εμπορική", "Trading|Emporiki|Commercial Trading"}, {"Ηλεκτρονικά", "Electronics|Ilektronika"}};

    private static final String[][] CITIES_LATIN = {
            {"Istanbul"}, {"Ankara"}, {"Karachi"}, {"Lahore"}, {"Mumbai"}, {"Delhi"}, {"Singapore"}, {"Kuala Lumpur"},
            {"Dubai"}, {"Hamburg"}, {"Milan"}, {"Sao Paulo"}, {"London"}};
    private static final String[][] CITIES_CYRILLIC = {
            {"Москва", "Moscow|Moskva"}, {"Санкт-Петербург", "Saint Petersburg|Sankt-Peterburg|St. Petersburg"},
            {"Новосибирск", "Novosibirsk"}, {"Екатеринбург", "Yekaterinburg|Ekaterinburg"}, {"Минск", "Minsk"},
            {"Алматы", "Almaty"}, {"Казань", "Kazan"}};
    private static final String[][] CITIES_HAN = {
            {"深圳", "Shenzhen"}, {"北京", "Beijing"}, {"上海", "Shanghai"}, {"广州", "Guangzhou"}, {"成都", "Chengdu"},
            {"武汉", "Wuhan"}, {"杭州", "Hangzhou"}, {"天津", "Tianjin"}, {"西安", "Xian|Xi'an"}};
    private static final String[][] CITIES_ARABIC = {
            {"دبي", "Dubai"}, {"الشارقة", "Sharjah"}, {"الرياض", "Riyadh"}, {"جدة", "Jeddah"}, {"دمشق", "Damascus"},
            {"القاهرة", "Cairo"}, {"طهران", "Tehran"}};
    private static final String[][] CITIES_GREEK = {
            {"Αθήνα", "Athens|Athina"}, {"Θεσσαλονίκη", "Thessaloniki"}, {"Λεμεσός", "Limassol|Lemesos"},
            {"Λευκωσία", "Nicosia|Lefkosia"}};

    private static final String[][] LEGAL_LATIN = {
            {"GmbH"}, {"Ltd.|Limited|Ltd"}, {"Ltd. Sti.|Limited Sirketi"}, {"Pvt Ltd|Private Limited"},
            {"Pte Ltd|Pte. Ltd."}, {"Sdn Bhd|Sdn. Bhd."}, {"LLC|L.L.C."}, {"S.A.|SA"}, {"Inc.|Inc|Corp."}, {"S.r.l.|SRL"}};
    private static final String[][] LEGAL_CYRILLIC = {
            {"ООО", "LLC|OOO|Limited Liability Company"}, {"АО", "JSC|AO"}, {"ЗАО", "CJSC|ZAO"}};
    private static final String[][] LEGAL_HAN = {
            {"有限公司", "Co., Ltd.|Company Limited|Co. Ltd|Limited|Youxian Gongsi"}};
    private static final String[][] LEGAL_ARABIC = {
            {"شركة", "Company|Co.|LLC"}, {"مؤسسة", "Est.|Establishment"}, {"ذ.م.م", "LLC|L.L.C."}};
    private static final String[][] LEGAL_GREEK = {
            {"Α.Ε.", "S.A.|SA|AE"}, {"Ε.Π.Ε.", "Ltd|EPE"}};

    private static final String[] SYLLABLES_LATIN = {"kel", "brix", "van", "tor", "zel", "mar", "dex", "lin", "or",
            "quo", "tra", "vis", "nex", "sol", "ar", "gen", "ty", "ron", "pol", "ka", "ber", "lux", "men", "dor", "fal",
            "cor", "vel", "tan", "sar", "mi", "no", "zan", "rok", "ter", "ul", "vo", "ra", "den", "sta", "gro"};
    private static final String[] SYLLABLES_CYRILLIC = {"Ро", "ма", "Век", "тор", "Аль", "фа", "Спек", "тр", "Тех",
            "но", "Про", "Си", "Гра", "нит", "Кри", "стал", "Ме", "рид", "Ор", "бит", "Зе", "Ка", "скад", "Лу", "Ра",
            "дуга", "Ин", "тел", "Нео", "Ст", "рой", "Бу", "ран", "Жем", "чуг", "Ху", "ц", "Щит", "Юг", "Ям", "ал",
            "Яр", "ков", "ин", "ск", "ов", "ев", "ра", "ис", "ол"};
    private static final String HAN_BRAND_CHARACTERS = "华宏达鑫盛泰恒新科中天海金龙光明德瑞康安兴隆伟凯丰源通信博创智航远东方正"
            + "汇嘉国联合美百利宝荣昌永昊晟辉鸿腾飞星云峰";
    private static final String[][] ARABIC_BRANDS = {
            {"الخليج", "Al Khaleej|Al-Khalij|Al Khaleej"}, {"النور", "Al Noor|Al-Nour|Al Nur"},
            {"الصقر", "Al Saqr|Al Sakr|Al-Saqer"}, {"الأمل", "Al Amal|Al-Amal"}, {"الفجر", "Al Fajr|Al Fajer"},
            {"البركة", "Al Baraka|Al Barakah"}, {"الرواد", "Al Rowad|Al Ruwad|Al Rawad"},
            {"الشرق", "Al Sharq|Al Shark"}, {"المستقبل", "Al Mustaqbal|Al Mostakbal"},
            {"الوطنية", "Al Wataniya|Al Wataniyah"}, {"الهلال", "Al Hilal|Al Helal"},
            {"الريان", "Al Rayyan|Al Rayan"}, {"الجزيرة", "Al Jazeera|Al Jazira"}, {"النخبة", "Al Nukhba|Al Nokhba"}};
    private static final String[][] ARABIC_GIVEN = {
            {"محمد", "Mohammed|Muhammad|Mohamed"}, {"أحمد", "Ahmed|Ahmad"}, {"خالد", "Khaled|Khalid"},
            {"عمر", "Omar|Umar"}, {"يوسف", "Yousef|Yusuf|Youssef"}, {"حسن", "Hassan|Hasan"}, {"سعيد", "Saeed|Said"},
            {"عبدالله", "Abdullah|Abdallah"}};
    private static final String[][] ARABIC_FAMILY = {
            {"الراشد", "Al Rashed|Al-Rashid"}, {"الزهراني", "Al Zahrani|Al-Zahrani"},
            {"القحطاني", "Al Qahtani|Al Kahtani"}, {"الحربي", "Al Harbi|Al-Harbi"},
            {"الشمري", "Al Shammari|Al Shamari"}, {"العتيبي", "Al Otaibi|Al-Otaibi"},
            {"الدوسري", "Al Dosari|Al Dossary"}, {"المالكي", "Al Malki|Al Maliki"}};
    private static final String[][] GREEK_BRANDS = {
            {"Ολυμπος", "Olympos|Olympus"}, {"Ηλιος", "Ilios|Helios"}, {"Ερμης", "Ermis|Hermes"},
            {"Ποσειδων", "Poseidon|Posidon"}, {"Αιγαιο", "Aigaio|Aegean"}, {"Κρονος", "Kronos|Cronus"},
            {"Δελφοι", "Delfoi|Delphi"}, {"Αστρον", "Astron"}, {"Ιριδα", "Irida|Iris"}, {"Πηγασος", "Pigasos|Pegasus"},
            {"Μινωας", "Minoas|Minos"}, {"Αργω", "Argo"}, {"Νηρευς", "Nireas|Nereus"}, {"Κυκλος", "Kyklos|Kiklos"},
            {"Ατλας", "Atlas"}, {"Οριζων", "Orizon|Horizon"}};

    private static final String[] ROMANISATION_ICAO = {"й", "i", "ю", "iu", "я", "ia", "х", "kh", "ц", "ts", "ъ", "ie"};
    private static final String[] ROMANISATION_SIMPLE = {"й", "y", "ю", "yu", "я", "ya", "х", "h", "ц", "c", "щ", "sch"};
    private static final String[] ROMANISATION_GERMAN = {"й", "j", "ю", "ju", "я", "ja", "х", "ch", "ц", "z", "ш", "sch",
            "ж", "sh", "ч", "tsch", "в", "w"};

    private FirmNames() {
    }

    /**
     * A new firm of a random kind (Latin 35%, Cyrillic 20%, Chinese 20%, Arabic 15%, Greek 10%).
     *
     * @param random the source of the choices
     * @return the firm
     */
    public static SyntheticFirm firm(Random random) {
        double r = random.nextDouble();
        Kind kind = r < 0.35 ? Kind.LATIN : r < 0.55 ? Kind.CYRILLIC : r < 0.75 ? Kind.HAN : r < 0.90 ? Kind.ARABIC : Kind.GREEK;
        return firm(kind, random);
    }

    /**
     * A new firm of the given kind.
     *
     * @param kind   the script family
     * @param random the source of the choices
     * @return the firm
     */
    public static SyntheticFirm firm(Kind kind, Random random) {
        String country = kind.countries[random.nextInt(kind.countries.length)];
        String brandNative;
        List<String> brandLatin;
        switch (kind) {
            case CYRILLIC: {
                StringBuilder b = new StringBuilder();
                int parts = 2 + random.nextInt(2);
                for (int i = 0; i < parts; i++) {
                    b.append(SYLLABLES_CYRILLIC[random.nextInt(SYLLABLES_CYRILLIC.length)].toLowerCase(Locale.ROOT));
                }
                brandNative = capitalise(b.toString());
                brandLatin = List.of(romanise(brandNative, ROMANISATION_ICAO), romanise(brandNative, ROMANISATION_SIMPLE),
                        romanise(brandNative, ROMANISATION_GERMAN), romanise(brandNative, new String[0]));
                break;
            }
            case HAN: {
                int a = HAN_BRAND_CHARACTERS.codePointAt(random.nextInt(HAN_BRAND_CHARACTERS.length()));
                int c = HAN_BRAND_CHARACTERS.codePointAt(random.nextInt(HAN_BRAND_CHARACTERS.length()));
                brandNative = new String(Character.toChars(a)) + new String(Character.toChars(c));
                String x = HanReadings.instance().reading(a);
                String y = HanReadings.instance().reading(c);
                brandLatin = List.of(capitalise(x + y), capitalise(x) + " " + capitalise(y), capitalise(x + y));
                break;
            }
            case ARABIC: {
                if (random.nextBoolean()) {
                    String[] brand = ARABIC_BRANDS[random.nextInt(ARABIC_BRANDS.length)];
                    brandNative = brand[0];
                    brandLatin = List.of(brand[1].split("\\|"));
                } else {
                    String[] given = ARABIC_GIVEN[random.nextInt(ARABIC_GIVEN.length)];
                    String[] family = ARABIC_FAMILY[random.nextInt(ARABIC_FAMILY.length)];
                    brandNative = given[0] + " " + family[0];
                    List<String> spellings = new ArrayList<>();
                    for (String g : given[1].split("\\|")) {
                        for (String f : family[1].split("\\|")) {
                            spellings.add(g + " " + f);
                        }
                    }
                    brandLatin = spellings;
                }
                break;
            }
            case GREEK: {
                String[] brand = GREEK_BRANDS[random.nextInt(GREEK_BRANDS.length)];
                brandNative = brand[0];
                brandLatin = List.of(brand[1].split("\\|"));
                break;
            }
            default: {
                StringBuilder b = new StringBuilder();
                int parts = 2 + random.nextInt(2);
                for (int i = 0; i < parts; i++) {
                    b.append(SYLLABLES_LATIN[random.nextInt(SYLLABLES_LATIN.length)]);
                }
                brandNative = null;
                brandLatin = List.of(capitalise(b.toString()));
            }
        }
        return new SyntheticFirm(country, kind, brandNative, brandLatin, random.nextInt(industries(kind).length),
                random.nextInt(cities(kind).length), random.nextInt(legalForms(kind).length));
    }

    /**
     * Another firm of the same country, city, generic words and legal form as the given one, with a different brand:
     * a hard negative.
     *
     * @param firm   the firm to imitate
     * @param random the source of the choices
     * @return a different firm
     */
    public static SyntheticFirm lookalike(SyntheticFirm firm, Random random) {
        for (int attempt = 0; ; attempt++) {
            SyntheticFirm other = firm(firm.kind(), random);
            boolean sameBrand = firm.brandLatin().stream().anyMatch(b -> other.brandLatin().stream()
                    .anyMatch(o -> o.replace(" ", "").equalsIgnoreCase(b.replace(" ", ""))));
            if (!sameBrand || attempt > 50) {
                return new SyntheticFirm(firm.country(), firm.kind(), other.brandNative(), other.brandLatin(),
                        firm.industry(), firm.city(), firm.legalForm());
            }
        }
    }

    static String render(SyntheticFirm firm, Random random) {
        boolean nativeScript = firm.kind() != Kind.LATIN && random.nextDouble() < 0.45;
        String[] industry = industries(firm.kind())[firm.industry()];
        String[] city = cities(firm.kind())[firm.city()];
        String[] legal = legalForms(firm.kind())[firm.legalForm()];
        boolean withCity = random.nextDouble() < 0.35;
        boolean withLegal = random.nextDouble() < 0.8;
        if (nativeScript) {
            return renderNative(firm, industry, city, legal, withCity, withLegal, random);
        }
        List<String> words = new ArrayList<>();
        String brand = pick(firm.brandLatin().toArray(String[]::new), random);
        if (random.nextDouble() < 0.15) {
            brand = typo(brand, random);
        }
        words.add(brand);
        words.add(pick(latin(industry).split("\\|"), random));
        if (random.nextDouble() < 0.1) {
            Collections.swap(words, 0, 1);
        }
        if (withCity) {
            words.add(random.nextDouble() < 0.7 ? 0 : words.size(), pick(latin(city).split("\\|"), random));
        }
        String name = String.join(" ", words);
        if (withLegal) {
            String form = pick(latin(legal).split("\\|"), random);
            name = firm.kind() == Kind.CYRILLIC && random.nextBoolean() ? form + " \"" + name + "\""
                    : name + (random.nextDouble() < 0.3 ? ", " : " ") + form;
        }
        return punctuate(name, random);
    }

    private static String renderNative(SyntheticFirm firm, String[] industry, String[] city, String[] legal,
                                       boolean withCity, boolean withLegal, Random random) {
        switch (firm.kind()) {
            case HAN:
                return (withCity ? city[0] + (random.nextBoolean() ? "市" : "") : "") + firm.brandNative() + industry[0]
                        + (withLegal ? legal[0] : "");
            case CYRILLIC:
                String core = firm.brandNative() + " " + industry[0] + (withCity ? " " + city[0] : "");
                return withLegal ? legal[0] + " «" + core + "»" : core;
            case ARABIC:
                String name = firm.brandNative() + " " + industry[0] + (withCity ? " " + city[0] : "");
                if (!withLegal) {
                    return name;
                }
                return legal[0].equals("ذ.م.م") ? name + " " + legal[0] : legal[0] + " " + name;
            default:
                return firm.brandNative() + " " + industry[0] + (withCity ? " " + city[0] : "")
                        + (withLegal ? " " + legal[0] : "");
        }
    }

    /** One typing error in a word: a letter dropped, doubled, swapped with the next or replaced. */
    static String typo(String word, Random random) {
        if (word.length() < 4) {
            return word;
        }
        int i = 1 + random.nextInt(word.length() - 2);
        char c = word.charAt(i);
        if (!Character.isLetter(c)) {
            return word;
        }
        switch (random.nextInt(4)) {
            case 0:
                return word.substring(0, i) + word.substring(i + 1);
            case 1:
                return word.substring(0, i) + c + word.substring(i);
            case 2:
                return word.substring(0, i) + word.charAt(i + 1) + c + word.substring(i + 2);
            default:
                return word.substring(0, i) + (char) ('a' + random.nextInt(26)) + word.substring(i + 1);
        }
    }

    /** Upper case, commas, hyphens between words and dots after abbreviations, at random. */
    private static String punctuate(String name, Random random) {
        String out = name;
        double r = random.nextDouble();
        if (r < 0.15) {
            out = out.toUpperCase(Locale.ROOT);
        } else if (r < 0.2) {
            out = out.toLowerCase(Locale.ROOT);
        }
        if (random.nextDouble() < 0.1) {
            out = out.replaceFirst(" ", "-");
        }
        if (random.nextDouble() < 0.1) {
            out = out.replace(" Trading", " Trading,").replace(" Tech ", " Tech. ");
        }
        return out;
    }

    private static String romanise(String cyrillic, String[] overrides) {
        StringBuilder out = new StringBuilder();
        for (char c : cyrillic.toLowerCase(Locale.ROOT).toCharArray()) {
            String s = null;
            for (int i = 0; i < overrides.length; i += 2) {
                if (overrides[i].charAt(0) == c) {
                    s = overrides[i + 1];
                }
            }
            out.append(s != null ? s : org.licencerisk.screening.names.Transliteration.latin(c));
        }
        return capitalise(out.toString());
    }

    private static String[][] industries(Kind kind) {
        switch (kind) {
            case CYRILLIC:
                return INDUSTRY_CYRILLIC;
            case HAN:
                return INDUSTRY_HAN;
            case ARABIC:
                return INDUSTRY_ARABIC;
            case GREEK:
                return INDUSTRY_GREEK;
            default:
                return INDUSTRY_LATIN;
        }
    }

    private static String[][] cities(Kind kind) {
        switch (kind) {
            case CYRILLIC:
                return CITIES_CYRILLIC;
            case HAN:
                return CITIES_HAN;
            case ARABIC:
                return CITIES_ARABIC;
            case GREEK:
                return CITIES_GREEK;
            default:
                return CITIES_LATIN;
        }
    }

    private static String[][] legalForms(Kind kind) {
        switch (kind) {
            case CYRILLIC:
                return LEGAL_CYRILLIC;
            case HAN:
                return LEGAL_HAN;
            case ARABIC:
                return LEGAL_ARABIC;
            case GREEK:
                return LEGAL_GREEK;
            default:
                return LEGAL_LATIN;
        }
    }

    private static String latin(String[] row) {
        return row[row.length - 1];
    }

    private static String pick(String[] options, Random random) {
        return options[random.nextInt(options.length)];
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
