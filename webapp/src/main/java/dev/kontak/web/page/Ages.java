package dev.kontak.web.page;

/** How old something is, as people say it: "42 s", "17 min", "5 h 3 min", "3 d 4 h". */
public final class Ages {

    public static final Ages PAGES = new Ages();

    private Ages() {
    }

    public String text(Long seconds) {
        if (seconds == null) {
            return "";
        }
        long s = seconds;
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min";
        }
        if (s < 86_400) {
            return s / 3600 + " h " + s % 3600 / 60 + " min";
        }
        return s / 86_400 + " d " + s % 86_400 / 3600 + " h";
    }
}
