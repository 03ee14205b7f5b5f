package io.luister.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {

  private static String normalized(String raw) {
    return TextNormalizer.normalize(raw).text();
  }

  @Test
  void hashtagsKeepTheirWordsAndCamelCaseIsSplit() {
    assertEquals("storing weer", normalized("#storing weer"));
    assertEquals("slimme meter doet het niet", normalized("#SlimmeMeter doet het niet"));
    assertEquals("kpn storing slimme meter", normalized("#KPNStoring #slimme_meter"));
    assertEquals("app crasht na update fail", normalized("app crasht na update #fail"));
  }

  @Test
  void aSingleLeadingLowerCaseLetterDoesNotSplitAHashtag() {
    assertEquals("iphone ebay", normalized("#iPhone #eBay"));
  }

  @Test
  void urlsMentionsAndIngestionMasksLeaveNoWords() {
    assertEquals("zie en of", normalized("zie https://zonnewijs.nl/storing?id=3 en www.zonnewijs.nl of zonnewijs.nl"));
    assertEquals("kijk op", normalized("kijk op bit.ly/3xYz"));
    assertEquals("bedankt voor de hulp", normalized("@Zonnewijs @[user] bedankt voor de hulp"));
    assertEquals("mail me op of bel iban", normalized("Mail me op [email] of bel [phone], IBAN [iban]"));
    assertEquals("", normalized("@[user] [EMAIL] [phone]"));
  }

  @Test
  void accentsAreFoldedAndDigitsKept() {
    assertEquals("een cafe ideeen geinteresseerd", normalized("Één café, ideeën — geïnteresseerd"));
    assertEquals("strasse 2 kwh 40", normalized("Straße ² kWh… 40 €"));
    assertEquals("facturen 2024", normalized("ＦＡＣＴＵＲＥＮ 2024"));
  }

  @Test
  void runsOfThreeOrMoreOfTheSameLetterBecomeTwo() {
    assertEquals("heel slecht soo bad", normalized("Heeeeel slecht!!! sooo bad"));
    assertEquals("goed meer 1000", normalized("goed meer 1000"));
    assertEquals("ideeen zeeen", normalized("ideeën zeeën"));
  }

  @Test
  void punctuationIsStrippedAndApostrophesJoinTheirWord() {
    assertEquals("waarom is dit zo duur", normalized("Waarom is dit zo duur?!?"));
    assertEquals("dont worry it the customer fault auto", normalized("don't worry, it's the customer’s fault; auto's"));
    assertEquals("dont", normalized("donʼt"));
    assertEquals("e mail wifi storing", normalized("e-mail / wifi-storing"));
  }

  @Test
  void emojiAreKeptApartFromTheWordsOnePerEmojiWithoutSkinTones() {
    NormalizedText text = TextNormalizer.normalize("storing 😡😡 weer👎🏽 🤦🏻‍♂️ 🇳🇱 ❤️");
    assertEquals("storing weer", text.text());
    assertEquals(List.of("storing", "weer"), text.words());
    assertEquals(List.of("😡", "😡", "👎", "🤦", "🇳🇱", "❤"), text.emoji());
  }

  @Test
  void emoticonsBecomeTheEmojiThatMeanTheSame() {
    NormalizedText text = TextNormalizer.normalize("Top service :) <3 xD, maar nu :-( ");
    assertEquals("top service maar nu", text.text());
    assertEquals(List.of("🙂", "❤", "😆", "🙁"), text.emoji());
  }

  @Test
  void lookalikesOfEmoticonsInOrdinaryTextAreLeftAlone() {
    NormalizedText text = TextNormalizer.normalize("zie punt 8) en om 10:30 tijd:Pieter <30 euro");
    assertTrue(text.emoji().isEmpty(), text.emoji().toString());
    assertEquals("zie punt 8 en om 10 30 tijd pieter 30 euro", text.text());
  }

  @Test
  void nullAndBlankTextAreEmpty() {
    assertTrue(TextNormalizer.normalize(null).isEmpty());
    assertTrue(TextNormalizer.normalize(" \n\t").isEmpty());
    assertEquals("", normalized("?!..."));
  }
}
