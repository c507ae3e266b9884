package dev.vitrine.app.startup;

/** Something Vitrine runs on (database, object storage, …), and whether Vitrine embeds it or uses one it was given. */
public interface RuntimeComponent {

    String role();

    boolean embedded();

    /** Where it is, for people: a URL or path without secrets. */
    String location();
}
