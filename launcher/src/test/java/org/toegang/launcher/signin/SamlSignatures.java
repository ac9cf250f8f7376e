package org.toegang.launcher.signin;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.xml.security.Init;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.utils.Constants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Verifies every XML signature of a SAML document with Apache Santuario against the realm's IdP certificates. */
final class SamlSignatures {
    private static final Pattern CERTIFICATE = Pattern.compile("<(?:ds:)?X509Certificate>([^<]+)<");

    private SamlSignatures() {
    }

    /** @return how many signatures verified; throws when one does not */
    static int verifyAll(Document document, URI realm) throws Exception {
        Init.init();
        List<X509Certificate> trusted = idpCertificates(realm);
        NodeList all = document.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (element.hasAttribute("ID")) {
                element.setIdAttribute("ID", true); // SAML's ID attributes are what the references point to
            }
        }
        NodeList signatures = document.getElementsByTagNameNS(Constants.SignatureSpecNS, "Signature");
        for (int i = 0; i < signatures.getLength(); i++) {
            XMLSignature signature = new XMLSignature((Element) signatures.item(i), "");
            boolean valid = false;
            for (X509Certificate certificate : trusted) {
                valid |= signature.checkSignatureValue(certificate);
            }
            if (!valid) {
                throw new AssertionError("signature " + i + " does not verify with the realm's certificates");
            }
        }
        return signatures.getLength();
    }

    private static List<X509Certificate> idpCertificates(URI realm) throws Exception {
        String descriptor = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(realm
                + "/protocol/saml/descriptor")).build(), HttpResponse.BodyHandlers.ofString()).body();
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> certificates = new ArrayList<>();
        Matcher matcher = CERTIFICATE.matcher(descriptor);
        while (matcher.find()) {
            certificates.add((X509Certificate) factory.generateCertificate(
                    new ByteArrayInputStream(Base64.getMimeDecoder().decode(matcher.group(1).strip()))));
        }
        return certificates;
    }
}
