package org.prisonwatch.bench;

import java.util.List;

/**
 * Words the generated records are made of: real towns and their prisons, the armed groups, the outlets and NGOs
 * that report on them, Burmese phrases. Facts here are only plausible; names of people are common name parts, not
 * anyone in particular.
 */
final class Vocabulary {

    private Vocabulary() {
    }

    /** A town with a prison or camp: English and Burmese names, its state or region, rough coordinates. */
    record Town(String name, String nameMy, String stateRegion, double latitude, double longitude,
            String formerName) {
    }

    static final List<Town> TOWNS = List.of(
            new Town("Insein", "အင်းစိန်", "Yangon", 16.8870, 96.1030, null),
            new Town("Mandalay", "မန္တလေး", "Mandalay", 21.9750, 96.0830, null),
            new Town("Myitkyina", "မြစ်ကြီးနား", "Kachin", 25.3830, 97.3960, null),
            new Town("Banmaw", "ဗန်းမော်", "Kachin", 24.2656, 97.2343, "Bhamo"),
            new Town("Lashio", "လားရှိုး", "Shan", 22.9330, 97.7500, null),
            new Town("Taunggyi", "တောင်ကြီး", "Shan", 20.7830, 97.0330, null),
            new Town("Kengtung", "ကျိုင်းတုံ", "Shan", 21.2910, 99.6080, "Kyaingtong"),
            new Town("Pathein", "ပုသိမ်", "Ayeyarwady", 16.7790, 94.7320, "Bassein"),
            new Town("Hinthada", "ဟင်္သာတ", "Ayeyarwady", 17.6480, 95.4570, null),
            new Town("Myaungmya", "မြောင်းမြ", "Ayeyarwady", 16.5960, 94.9320, null),
            new Town("Sittwe", "စစ်တွေ", "Rakhine", 20.1460, 92.8980, "Akyab"),
            new Town("Kyaukphyu", "ကျောက်ဖြူ", "Rakhine", 19.4290, 93.5470, null),
            new Town("Thandwe", "သံတွဲ", "Rakhine", 18.4600, 94.3690, "Sandoway"),
            new Town("Mawlamyine", "မော်လမြိုင်", "Mon", 16.4910, 97.6250, "Moulmein"),
            new Town("Thaton", "သထုံ", "Mon", 16.9200, 97.3710, null),
            new Town("Hpa-an", "ဘားအံ", "Kayin", 16.8890, 97.6350, "Pa-an"),
            new Town("Loikaw", "လွိုင်ကော်", "Kayah", 19.6740, 97.2090, null),
            new Town("Dawei", "ထားဝယ်", "Tanintharyi", 14.0830, 98.1940, "Tavoy"),
            new Town("Myeik", "မြိတ်", "Tanintharyi", 12.4390, 98.6000, "Mergui"),
            new Town("Kawthaung", "ကော့သောင်း", "Tanintharyi", 9.9820, 98.5500, null),
            new Town("Bago", "ပဲခူး", "Bago", 17.3360, 96.4800, "Pegu"),
            new Town("Tharrawaddy", "သာယာဝတီ", "Bago", 17.6530, 95.7880, null),
            new Town("Taungoo", "တောင်ငူ", "Bago", 18.9400, 96.4340, "Toungoo"),
            new Town("Pyay", "ပြည်", "Bago", 18.8240, 95.2220, "Prome"),
            new Town("Thayet", "သရက်", "Magway", 19.3200, 95.1830, null),
            new Town("Magway", "မကွေး", "Magway", 20.1500, 94.9330, null),
            new Town("Pakokku", "ပခုက္ကူ", "Magway", 21.3320, 95.0860, null),
            new Town("Monywa", "မုံရွာ", "Sagaing", 22.1080, 95.1360, null),
            new Town("Sagaing", "စစ်ကိုင်း", "Sagaing", 21.8790, 95.9790, null),
            new Town("Kale", "ကလေး", "Sagaing", 23.1880, 94.0510, null),
            new Town("Shwebo", "ရွှေဘို", "Sagaing", 22.5680, 95.6990, null),
            new Town("Katha", "ကသာ", "Sagaing", 24.1820, 96.3310, null),
            new Town("Myingyan", "မြင်းခြံ", "Mandalay", 21.4620, 95.3910, null),
            new Town("Meiktila", "မိတ္ထီလာ", "Mandalay", 20.8780, 95.8580, null),
            new Town("Kyaukse", "ကျောက်ဆည်", "Mandalay", 21.6060, 96.1350, null),
            new Town("Yamethin", "ရမည်းသင်း", "Mandalay", 20.4310, 96.1380, null),
            new Town("Hakha", "ဟားခါး", "Chin", 22.6460, 93.6100, null),
            new Town("Mindat", "မင်းတပ်", "Chin", 21.3750, 93.9730, null),
            new Town("Putao", "ပူတာအို", "Kachin", 27.3290, 97.4260, null),
            new Town("Muse", "မူဆယ်", "Shan", 23.9930, 97.9030, null),
            new Town("Tachileik", "တာချီလိတ်", "Shan", 20.4470, 99.8810, null),
            new Town("Hsipaw", "သီပေါ", "Shan", 22.6210, 97.2990, null),
            new Town("Maubin", "မအူပင်", "Ayeyarwady", 16.7310, 95.6540, null),
            new Town("Thanlyin", "သန်လျင်", "Yangon", 16.7630, 96.2530, "Syriam"));

    static final List<String> PERPETRATORS = List.of("Myanmar military", "Prison Department",
            "Military Security Affairs", "Pyu Saw Htee militia", "Border Guard Force", "Myanmar Police Force");

    static final List<String> OPPOSING_FORCES = List.of("Kachin Independence Army (KIA)", "Arakan Army (AA)",
            "People's Defence Force (PDF)", "Karen National Liberation Army (KNLA)", "Karenni Army (KA)",
            "Ta'ang National Liberation Army (TNLA)", "Myanmar National Democratic Alliance Army (MNDAA)",
            "Chin National Army (CNA)", "Bamar People's Liberation Army (BPLA)");

    /** Outlets and organisations that report publicly, with their kind and usual reliability. */
    record Outlet(String name, String kind, String reliability, String url) {
    }

    static final List<Outlet> OUTLETS = List.of(
            new Outlet("Assistance Association for Political Prisoners (Burma)", "NGO", "B", "https://aappb.org"),
            new Outlet("Political Prisoners Network Myanmar", "NGO", "B", "https://example.org/ppnm"),
            new Outlet("Myanmar Now", "MEDIA", "B", "https://myanmar-now.org"),
            new Outlet("Democratic Voice of Burma", "MEDIA", "B", "https://english.dvb.no"),
            new Outlet("The Irrawaddy", "MEDIA", "B", "https://www.irrawaddy.com"),
            new Outlet("Mizzima", "MEDIA", "C", "https://mizzima.com"),
            new Outlet("RFA Burmese", "MEDIA", "B", "https://www.rfa.org/burmese"),
            new Outlet("BBC Burmese", "MEDIA", "B", "https://www.bbc.com/burmese"),
            new Outlet("Khit Thit Media", "MEDIA", "C", "https://example.org/khitthit"),
            new Outlet("Kachin News Group", "MEDIA", "C", "https://example.org/kng"),
            new Outlet("Narinjara", "MEDIA", "C", "https://example.org/narinjara"),
            new Outlet("Mon News Agency", "MEDIA", "C", "https://example.org/mna"),
            new Outlet("Global New Light of Myanmar", "STATE_MEDIA", "E", "https://www.gnlm.com.mm"),
            new Outlet("MRTV", "STATE_MEDIA", "E", "https://example.org/mrtv"),
            new Outlet("Myanmar Witness", "NGO", "B", "https://example.org/myanmar-witness"));

    static final List<String> GIVEN_NAMES = List.of("Aung", "Min", "Zaw", "Kyaw", "Htet", "Naing", "Thura", "Soe",
            "Win", "Tun", "Myint", "Hla", "Ye", "Lin", "Phyo", "Wai", "Nyein", "Thant", "Khin", "Hnin", "Sandar",
            "Ei", "Thiri", "La", "Seng", "Brang", "Naw", "Saw", "Sai", "Nang");

    static final List<String> HONORIFICS = List.of("Ko", "U", "Maung", "Ma", "Daw", "Sai", "Saw");

    /** Burmese sentences for descriptions and notes; %s is a town's Burmese name. */
    static final List<String> BURMESE_SENTENCES = List.of(
            "%s အကျဉ်းထောင်မှ အကျဉ်းသားများကို စစ်မှုထမ်းရန် အတင်းအကျပ် ခေါ်ယူခဲ့သည်။",
            "%s မြို့အနီး တိုက်ပွဲတွင် အကျဉ်းသားများ သေဆုံးခဲ့သည်။",
            "ပြစ်ဒဏ်လျှော့ပေါ့ပေးမည်ဟု ကတိပေးပြီး %s ထောင်မှ အကျဉ်းသားများကို လက်နက်ကိုင်ဆောင်ခိုင်းခဲ့သည်။",
            "%s ထောင်မှ အကျဉ်းသားများကို ရှေ့တန်းသို့ ပို့ဆောင်ခဲ့သည်ဟု မိသားစုဝင်များက ပြောသည်။",
            "လွတ်ငြိမ်းချမ်းသာခွင့်ဖြင့် %s ထောင်မှ အကျဉ်းသားများ ပြန်လည်လွတ်မြောက်ခဲ့သည်။");

    static final List<String> ENGLISH_SENTENCES = List.of(
            "Inmates of %s prison were told their sentences would be reduced if they joined the fighting.",
            "Relatives say prisoners from %s were taken away at night and have not been heard from since.",
            "A former inmate described weapons training inside %s prison for about two weeks.",
            "Local residents near %s reported prisoners in uniform carrying ammunition for the troops.",
            "The prison authorities at %s denied that any inmate was sent to the front line.",
            "Families of political prisoners in %s fear they will be used as human shields.");
}
