package io.luister.jobs.samples;

/**
 * Raw text material. Customer templates: lines "lang.kind: text" under "= theme"; kinds are neg (complaint),
 * negq (angry question), neu (neutral statement), neuq (neutral question), pos (praise). Agent note cores:
 * "lang.note:" lines, theme-specific agent actions "nl.act:" / "en.act:". Slots in braces are filled by
 * {@link TextBank}. Statements never start with a question word nor end with '?'; questions do (checked).
 */
final class TextData {
  private TextData() {}

  static final String CUSTOMER = """
= jaarafrekening_hoger
nl.neg: Mijn jaarafrekening van {brand} is binnen: {amount} bijbetalen. Ik heb juist minder verbruikt dan vorig jaar
nl.neg: Schrik van mijn leven, {amount} nabetalen op de jaarafrekening
nl.neg: Jaarafrekening ontvangen en ik moet {amount} bijbetalen, dit klopt echt niet
nl.neg: Eindafrekening is {amount} hoger dan verwacht terwijl we zuiniger hebben gedaan dan ooit
nl.neg: {brand} rekent op mijn jaarnota een verbruik van {kwh} kWh, dat hebben wij nooit gehaald
nl.neg: Afrekening over het afgelopen jaar klopt niet, ze hebben mijn verbruik geschat in plaats van de echte standen gebruikt
nl.neg: Weer een enorme nabetaling bij {brand}. {amount} extra, ik snap er niks van
nl.neg: Jaarafrekening is totaal onbegrijpelijk, allemaal posten die ik niet herken
nl.neg: Bijna {amount} bijbetalen na de jaarafrekening, terwijl het maandbedrag al omhoog was gegaan
nl.negq: Waarom moet ik {amount} bijbetalen op mijn jaarafrekening terwijl ik minder heb verbruikt?
nl.negq: Hoe kan mijn eindafrekening {amount} hoger zijn dan vorig jaar?
nl.negq: Hoe komen jullie aan {kwh} kWh op mijn jaarafrekening?!
nl.negq: Klopt het dat de jaarafrekening dit jaar bij iedereen zo hoog uitvalt?
nl.negq: Waarom staat er op mijn jaarnota een geschat verbruik in plaats van mijn echte stand?
nl.neuq: Wanneer komt de jaarafrekening van {brand} eigenlijk?
nl.neuq: Hoe lees ik mijn jaarafrekening, welk bedrag moet ik nu betalen?
nl.neuq: Wat betekent de regel vermindering energiebelasting op mijn jaarafrekening?
nl.neuq: Waar vind ik mijn jaarafrekening van vorig jaar terug?
nl.neuq: Kunnen jullie uitleggen hoe de nabetaling op mijn eindafrekening is berekend?
nl.neuq: Binnen hoeveel dagen moet ik de nabetaling van de jaarafrekening voldoen?
nl.neu: Net de jaarafrekening van {brand} ontvangen, even rustig doorlezen vanavond
nl.neu: Jaarafrekening {year} staat in de app, nog niet bekeken
nl.neu: Ik heb de jaarafrekening doorgestuurd naar mijn boekhouder
nl.neu: De eindafrekening komt dit jaar in {month} volgens de mail van {brand}
nl.pos: Jaarafrekening binnen en ik krijg {amount} terug van {brand}, lekker
nl.pos: Eindelijk een jaarafrekening die ik snap, duidelijk overzicht van {brand}
nl.pos: Goed nieuws op de jaarafrekening: {amount} terug omdat we zuiniger waren
nl.pos: Eindafrekening keurig op tijd en helemaal correct, top
en.neg: Got my annual statement from {brand} and I have to pay {amount} extra even though we used less
en.neg: My year-end bill is {amount} higher than last year, this makes no sense
en.neg: {brand} estimated {kwh} kWh on my annual statement, we never use that much
en.neg: The annual settlement says I owe {amount}, absolutely shocking
en.neg: Year-end statement is full of charges I don't recognise
en.neg: Another massive back payment after the annual bill, {amount} this time
en.neg: The final bill uses estimated numbers instead of my actual usage
en.neg: Annual statement arrived, {amount} to pay on top of everything I already paid
en.negq: Why do I have to pay {amount} extra on my annual statement when I used less?
en.negq: How can my annual bill be {amount} higher than last year?
en.negq: Why does my year-end statement use an estimate instead of my actual usage?
en.negq: Is everyone getting such a high annual statement this year?
en.neuq: When will {brand} send the annual statement?
en.neuq: How do I read my annual statement, which amount do I actually pay?
en.neuq: Where can I find last year's annual statement?
en.neuq: Could you explain how the back payment on my year-end bill was calculated?
en.neuq: What does the energy tax reduction line on my annual bill mean?
en.neu: Annual statement from {brand} came in today, will go through it tonight
en.neu: Forwarded the year-end statement to my accountant
en.neu: The annual bill is due in {month} according to the email from {brand}
en.pos: Annual statement is in and I'm getting {amount} back from {brand}, nice
en.pos: Finally an annual bill I actually understand, clear overview from {brand}
en.pos: Good news on the year-end statement, {amount} refund because we used less
en.pos: Annual statement arrived on time and was completely correct, great
= termijnbedrag_verhoogd
nl.neg: {brand} heeft zonder overleg mijn termijnbedrag verhoogd naar {amount2} per maand
nl.neg: Maandbedrag ineens van {amount3} naar {amount2}, niemand die me dat heeft uitgelegd
nl.neg: Termijnbedrag weer omhoog bij {brand}, al de derde keer dit jaar
nl.neg: Voorschot verhoogd terwijl ik net geld terugkreeg, dat is toch raar
nl.neg: Mijn maandelijkse voorschot is {pct}% omhoog gegaan zonder enige uitleg
nl.neg: Ik betaal nu {amount2} per maand aan {brand}, dat is niet meer normaal
nl.neg: Termijnbedrag verhoogd en ik kan het in de app niet meer terugzetten
nl.neg: Belachelijk dat het maandbedrag gewoon wordt aangepast zonder bericht
nl.negq: Waarom is mijn termijnbedrag ineens verhoogd naar {amount2}?
nl.negq: Hoe kan het dat mijn voorschot {pct}% omhoog is gegaan?
nl.negq: Waarom mag ik mijn maandbedrag niet zelf verlagen?
nl.negq: Wie heeft bedacht dat het termijnbedrag zonder overleg omhoog mag?
nl.neuq: Hoe pas ik mijn termijnbedrag aan in de app?
nl.neuq: Kan ik mijn maandbedrag zelf verlagen als ik minder verbruik?
nl.neuq: Wanneer gaat het nieuwe termijnbedrag in?
nl.neuq: Wat is een verstandig voorschot voor een gezin van vier?
nl.neuq: Hoeveel mag ik mijn termijnbedrag maximaal verlagen?
nl.neu: Termijnbedrag aangepast naar {amount2}, zien we bij de volgende afrekening wel
nl.neu: Bericht gekregen dat mijn voorschot per {month} wijzigt
nl.neu: Maandbedrag in de app iets hoger gezet voor de winter
nl.pos: Termijnbedrag verlaagd via de app, ging heel makkelijk
nl.pos: Fijn dat {brand} mijn voorschot meteen omlaag heeft gezet naar {amount2}
nl.pos: Netjes geregeld, mijn maandbedrag past nu veel beter bij mijn verbruik
nl.pos: Voorschot omlaag zonder gedoe, prima service
en.neg: {brand} raised my monthly payment to {amount2} without asking
en.neg: My monthly instalment went from {amount3} to {amount2} overnight, nobody explained why
en.neg: Monthly advance went up again, third time this year
en.neg: The advance payment went up {pct}% with zero explanation
en.neg: I'm now paying {amount2} a month to {brand}, that's ridiculous
en.neg: They increased my monthly amount and I can't lower it anywhere
en.neg: Monthly payment adjusted without any notice, not acceptable
en.negq: Why was my monthly payment suddenly increased to {amount2}?
en.negq: How can my advance payment go up {pct}% without notice?
en.negq: Why can't I lower my monthly instalment myself?
en.neuq: How do I change my monthly payment amount?
en.neuq: When does the new monthly instalment take effect?
en.neuq: What's a sensible monthly advance for a family of four?
en.neuq: Can I lower my monthly amount if I use less energy?
en.neu: Monthly payment changed to {amount2}, we'll see at the next statement
en.neu: Got a message that my advance payment changes in {month}
en.pos: Lowered my monthly payment online, super easy
en.pos: Nice that {brand} lowered my monthly instalment to {amount2} straight away
en.pos: Monthly amount now matches my usage much better, well done
= incasso_probleem
nl.neg: {brand} heeft de automatische incasso twee keer afgeschreven deze maand
nl.neg: Dubbele afschrijving van {amount2} door {brand}, nu sta ik rood
nl.neg: Incasso is mislukt en nu krijg ik meteen een aanmaning met {amount3} kosten
nl.neg: Machtiging ingetrokken en toch weer een afschrijving van {brand}
nl.neg: Mijn betalingsregeling wordt niet nagekomen, ze schrijven gewoon het hele bedrag af
nl.neg: Drie weken wachten op terugboeking van een onterechte incasso
nl.neg: Ze hebben {amount2} van mijn rekening gehaald zonder machtiging
nl.neg: Aanmaning ontvangen terwijl de incasso gewoon gelukt is volgens mijn bank
nl.negq: Waarom is er twee keer {amount2} afgeschreven van mijn rekening?
nl.negq: Hoe kan het dat ik een aanmaning krijg terwijl de incasso gewoon gelukt is?
nl.negq: Wanneer storten jullie de dubbele afschrijving eindelijk terug?
nl.neuq: Hoe zet ik automatische incasso aan bij {brand}?
nl.neuq: Kan ik een betalingsregeling treffen voor het openstaande bedrag?
nl.neuq: Op welke datum wordt de incasso afgeschreven?
nl.neuq: Hoe wijzig ik het rekeningnummer voor de incasso?
nl.neuq: Is het mogelijk om per acceptgiro te betalen in plaats van incasso?
nl.neu: Rekeningnummer voor de automatische incasso gewijzigd via de website
nl.neu: Betalingsregeling aangevraagd voor de komende {n} maanden
nl.neu: Machtiging voor de incasso opnieuw afgegeven
nl.pos: Betalingsregeling snel geregeld met {brand}, dat scheelt echt
nl.pos: Dubbele afschrijving binnen een dag teruggestort, netjes
nl.pos: Fijn dat ik het openstaande bedrag in {n} termijnen mag betalen
en.neg: {brand} charged my direct debit twice this month
en.neg: Double debit of {amount2}, now my account is overdrawn
en.neg: The direct debit failed and I immediately got a reminder with {amount3} in fees
en.neg: Cancelled the mandate and they still took money from my account
en.neg: My payment plan isn't being honoured, they just debited the full amount
en.neg: Three weeks waiting for a refund of a wrong direct debit
en.neg: Payment reminder while my bank shows the debit went through
en.negq: Why was {amount2} debited twice from my account?
en.negq: How can I get a payment reminder when the direct debit went through?
en.negq: When will you refund the double charge?
en.neuq: How do I set up direct debit with {brand}?
en.neuq: Can I get a payment plan for the outstanding amount?
en.neuq: On which date is the direct debit collected?
en.neuq: How do I change the bank account for my direct debit?
en.neu: Changed the bank account for the direct debit online
en.neu: Requested a payment plan for the next {n} months
en.pos: Payment plan sorted quickly with {brand}, really helps
en.pos: Double charge refunded within a day, well handled
en.pos: Great that I can pay the outstanding amount in {n} instalments
= meterstand_doorgeven
nl.neg: Al {n} keer geprobeerd mijn meterstanden door te geven maar het formulier geeft steeds een fout
nl.neg: {brand} blijft mailen dat ik mijn meterstand moet doorgeven terwijl ik dat allang heb gedaan
nl.neg: Meterstand doorgeven via de site lukt niet, hij accepteert de standen niet
nl.neg: Ze hebben een verkeerde meterstand gebruikt, {kwh} kWh te veel
nl.neg: Doorgegeven standen worden genegeerd en ze schatten gewoon weer
nl.neg: Herinnering voor de meterstanden, voor de derde keer, ik HEB ze al doorgegeven
nl.neg: Foto van mijn meter gestuurd maar de standen zijn nog steeds niet verwerkt
nl.neg: Dat meterstanden doorgeven nog steeds niet werkt bij {brand} is echt ongelooflijk
nl.negq: Waarom accepteert het formulier mijn meterstand niet?
nl.negq: Hoe vaak moet ik mijn meterstanden nog doorgeven voordat jullie ze verwerken?
nl.negq: Waarom gebruiken jullie een geschatte stand terwijl ik de echte heb doorgegeven?
nl.neuq: Hoe geef ik mijn meterstanden door bij {brand}?
nl.neuq: Waar vind ik het formulier om de meterstand door te geven?
nl.neuq: Welke stand moet ik doorgeven, het normaal- of het daltarief?
nl.neuq: Tot wanneer kan ik de meterstanden van dit jaar doorgeven?
nl.neuq: Moet ik de stand van de gasmeter ook doorgeven?
nl.neu: Meterstanden doorgegeven via de website
nl.neu: Net de standen van de elektriciteitsmeter en gasmeter opgeschreven en doorgegeven
nl.neu: Herinnering gekregen om de meterstand door te geven, staat op mijn lijstje
nl.pos: Meterstand doorgeven ging in twee minuten, lekker makkelijk
nl.pos: Fijn dat {brand} de verkeerde meterstand meteen heeft gecorrigeerd
nl.pos: Standen doorgegeven en binnen een dag verwerkt, prima
en.neg: Tried to submit my meter readings {n} times, the form keeps throwing an error
en.neg: {brand} keeps emailing me to submit my meter reading, I already did
en.neg: The meter reading form won't accept my numbers
en.neg: They used the wrong meter reading, {kwh} kWh too much
en.neg: My submitted readings are ignored and they estimate again
en.neg: Third reminder to submit meter readings, I HAVE submitted them
en.neg: Sent a photo of the meter and the readings still aren't processed
en.negq: Why won't the form accept my meter reading?
en.negq: How many times do I have to submit my readings before you process them?
en.negq: Why do you use an estimated reading when I submitted the actual one?
en.neuq: How do I submit my meter readings to {brand}?
en.neuq: Where's the form to submit a meter reading?
en.neuq: Which reading do I submit, peak or off-peak?
en.neuq: Do I also need to submit the gas meter reading?
en.neu: Submitted my meter readings on the website
en.neu: Got a reminder to submit the meter reading, on my to-do list
en.pos: Submitting the meter reading took two minutes, easy
en.pos: Nice that {brand} corrected the wrong meter reading straight away
en.pos: Readings submitted and processed within a day
= stroomstoring_regio
nl.neg: Al {hours} uur geen stroom in {city}, en bij {brand} weten ze van niks
nl.neg: Stroomstoring in {city} en de storingslijn is onbereikbaar
nl.neg: Weer een stroomuitval in {city}, de tweede deze week
nl.neg: Hele wijk in {city} zit zonder stroom, de vriezer begint te ontdooien
nl.neg: Stroom uitgevallen in {city}, geen enkele update op de storingspagina
nl.neg: Storing in {city} duurt nu al {hours} uur, thuiswerken onmogelijk
nl.neg: Zonder stroom sinds vanochtend in {city}, dit is echt niet normaal meer
nl.neg: Geen licht, geen verwarming, geen internet. Storing in {city} en {brand} zegt niks
nl.negq: Waarom duurt het herstel van de storing in {city} zo lang?
nl.negq: Wanneer is de stroom in {city} eindelijk terug?
nl.negq: Hoe kan het dat er in {city} al {hours} uur een storing is?
nl.negq: Weet iemand wat er aan de hand is met de stroom in {city}?!
nl.neuq: Is er een storing bekend in {city}?
nl.neuq: Waar kan ik zien of er een stroomstoring is in mijn postcode?
nl.neuq: Hoe meld ik een storing bij {brand}?
nl.neuq: Wie moet ik bellen bij een stroomstoring, {brand} of de netbeheerder?
nl.neu: Stroomstoring in {city}, monteurs zijn ter plaatse volgens de netbeheerder
nl.neu: Storing gemeld in {city}, we wachten af
nl.neu: Lichten flikkeren en nu stroomuitval in {city}
nl.pos: Stroom in {city} weer terug na {hours} uur, dank aan de monteurs
nl.pos: Snel opgelost die storing in {city}, goede updates van {brand}
nl.pos: Complimenten voor de snelle communicatie over de stroomstoring
en.neg: No power in {city} for {hours} hours and {brand} has no idea
en.neg: Power outage in {city} and the outage line is unreachable
en.neg: Another blackout in {city}, second one this week
en.neg: Whole neighbourhood in {city} without electricity, freezer is defrosting
en.neg: Power's been out in {city} since this morning, no updates anywhere
en.neg: Outage in {city} for {hours} hours now, can't work from home
en.neg: No lights, no heating, no internet. Outage in {city} and {brand} says nothing
en.negq: Why is it taking so long to fix the outage in {city}?
en.negq: When will the power be back in {city}?
en.negq: How can there be an outage in {city} for {hours} hours?
en.neuq: Is there a known power outage in {city}?
en.neuq: Where can I check if there's an outage at my postcode?
en.neuq: How do I report a power cut to {brand}?
en.neuq: Who do I call for a power outage, {brand} or the grid operator?
en.neu: Power outage in {city}, engineers on site according to the grid operator
en.neu: Reported the outage in {city}, waiting it out
en.pos: Power back in {city} after {hours} hours, thanks to the engineers
en.pos: Outage in {city} fixed quickly, good updates from {brand}
en.pos: Kudos for the quick communication about the power cut
= verhuizing_doorgeven
nl.neg: Verhuizing {n} weken geleden doorgegeven en ik krijg nog steeds rekeningen voor mijn oude adres
nl.neg: {brand} heeft mijn verhuisdatum verkeerd ingevoerd, nu betaal ik dubbel
nl.neg: Verhuisformulier ingevuld maar op het nieuwe adres staat nog geen contract
nl.neg: Verhuizen bij {brand} is een drama, drie keer alles opnieuw moeten doorgeven
nl.neg: Nieuwe woning zonder energiecontract omdat de verhuizing niet is verwerkt
nl.neg: Voor mijn oude woning rekenen ze nog {days} dagen door na de sleuteloverdracht
nl.neg: Bij de verhuizing zijn mijn gegevens kwijtgeraakt
nl.neg: Al {days} dagen wachten op bevestiging van mijn verhuizing
nl.negq: Waarom krijg ik nog rekeningen voor mijn oude adres terwijl de verhuizing is doorgegeven?
nl.negq: Hoe lang duurt het voordat mijn verhuizing verwerkt is?
nl.negq: Waarom staat mijn nieuwe adres na {weeks} weken nog niet in het systeem?
nl.neuq: Hoe geef ik mijn verhuizing door aan {brand}?
nl.neuq: Kan ik mijn contract meenemen naar mijn nieuwe woning?
nl.neuq: Hoeveel dagen van tevoren moet ik een verhuizing melden?
nl.neuq: Wat moet ik doorgeven bij de sleuteloverdracht van mijn oude huis?
nl.neuq: Wanneer gaat de levering op het nieuwe adres in?
nl.neu: Verhuizing doorgegeven aan {brand}, nieuw adres per {date}
nl.neu: We verhuizen in {month}, energie is als eerste geregeld
nl.neu: Sleuteloverdracht gehad, nu alles nog overzetten naar het nieuwe adres
nl.pos: Verhuizing doorgeven was zo geregeld bij {brand}
nl.pos: Super soepel verhuisd, energie liep gewoon door op het nieuwe adres
nl.pos: Top hoe snel mijn verhuizing is verwerkt
en.neg: Reported my move {n} weeks ago and I'm still being billed for my old address
en.neg: {brand} entered the wrong moving date, now I'm paying twice
en.neg: Filled in the moving form but there's still no contract at the new address
en.neg: Moving house with {brand} is a nightmare, had to submit everything three times
en.neg: New home without an energy contract because my move wasn't processed
en.neg: Still charged {days} days for my old place after the key handover
en.neg: Been waiting {days} days for confirmation of my move
en.negq: Why am I still billed for my old address after reporting my move?
en.negq: How long does it take to process a change of address?
en.neuq: How do I tell {brand} I'm moving house?
en.neuq: Can I take my contract with me to my new home?
en.neuq: How many days in advance should I report a move?
en.neuq: When does supply at the new address start?
en.neu: Told {brand} about the move, new address from {date}
en.neu: We're moving in {month}, energy sorted first
en.pos: Reporting my move to {brand} was sorted in minutes
en.pos: Moved house super smoothly, energy just continued at the new address
en.pos: Impressed how quickly my move was processed
= tarieven_omhoog
nl.neg: {brand} verhoogt de tarieven alweer, stroomprijs nu {pct}% hoger
nl.neg: Nieuwe tarieven per {month} zijn echt absurd, vaste leveringskosten bijna verdubbeld
nl.neg: Prijsverhoging van {brand} per 1 {month}, ik ben er klaar mee
nl.neg: Vast contract verlengd tegen een veel hoger tarief zonder dat ik een keuze kreeg
nl.neg: Kilowattuurprijs bij {brand} is de hoogste van allemaal
nl.neg: Weer een brief over hogere tarieven, dit is de tweede dit jaar
nl.neg: Vaste kosten omhoog, gasprijs omhoog, stroomprijs omhoog. Lekker bezig {brand}
nl.neg: Tarieven verhogen terwijl de inkoopprijzen dalen, schandalig
nl.negq: Waarom zijn jullie tarieven {pct}% hoger dan die van {other}?
nl.negq: Hoe kunnen de vaste leveringskosten zo omhoog gaan?
nl.negq: Waarom gaan de prijzen omhoog terwijl de groothandelsprijs daalt?
nl.neuq: Wat worden de nieuwe tarieven per 1 {month}?
nl.neuq: Hoe hoog zijn de vaste leveringskosten bij {brand}?
nl.neuq: Is een vast of variabel contract nu verstandiger?
nl.neuq: Wanneer loopt mijn vaste contract af?
nl.neuq: Waar vind ik de actuele tarieven voor stroom en gas?
nl.neu: Brief van {brand} gekregen over de nieuwe tarieven per {month}
nl.neu: Tarieven vergeleken, {brand} zit in het midden
nl.neu: Vast contract voor {n} jaar afgesloten bij {brand}
nl.pos: {brand} verlaagt de tarieven per {month}, eindelijk goed nieuws
nl.pos: Prima tarief gekregen bij het verlengen van mijn contract
nl.pos: Nette prijzen bij {brand}, vergeleken en ze zijn echt scherp
en.neg: {brand} raising prices again, electricity now {pct}% more expensive
en.neg: The new rates from {month} are absurd, standing charge almost doubled
en.neg: Price increase from {brand} as of {month}, I'm done
en.neg: Fixed contract renewed at a much higher rate without giving me a choice
en.neg: Highest price per kWh of all suppliers, well done {brand}
en.neg: Another letter about higher tariffs, second one this year
en.negq: Why are your rates {pct}% higher than {other}?
en.negq: How can the standing charge go up this much?
en.negq: Why do prices go up when wholesale prices are falling?
en.neuq: What are the new rates from 1 {month}?
en.neuq: Is a fixed or variable contract smarter right now?
en.neuq: When does my fixed-term contract end?
en.neuq: Where can I find the current electricity and gas rates?
en.neu: Letter from {brand} about the new tariffs from {month}
en.neu: Compared rates, {brand} is somewhere in the middle
en.pos: {brand} lowering prices from {month}, finally good news
en.pos: Got a decent rate when renewing my contract
en.pos: Fair prices at {brand}, compared and they're competitive
= opzeggen_overstappen
nl.neg: Opzeggen bij {brand} is onmogelijk, ik zit al {weeks} weken vast
nl.neg: Ik wil overstappen naar {other} maar {brand} rekent een opzegvergoeding van {amount}
nl.neg: Contract opgezegd en toch nog een verlenging gekregen
nl.neg: Overgestapt naar {other} en {brand} blijft gewoon geld afschrijven
nl.neg: Opzegbevestiging na {weeks} weken nog steeds niet ontvangen
nl.neg: Boete van {amount} voor tussentijds opzeggen, daar stond niks over in de voorwaarden
nl.neg: {brand} maakt overstappen expres lastig
nl.neg: Bij het opzeggen word je eindeloos doorverbonden, bewust ontmoedigen
nl.negq: Waarom moet ik {amount} betalen om mijn contract op te zeggen?
nl.negq: Hoe zeg ik mijn contract op als niemand de telefoon opneemt?
nl.negq: Waarom heb ik nog geen opzegbevestiging?
nl.neuq: Wat is de opzegtermijn bij {brand}?
nl.neuq: Hoe stap ik over van {other} naar {brand}?
nl.neuq: Kan ik mijn vaste contract tussentijds opzeggen?
nl.neuq: Regelt {other} de opzegging bij {brand} voor mij?
nl.neu: Contract opgezegd per {date}, overstap naar {other} geregeld
nl.neu: Overgestapt van {other} naar {brand}, eens kijken hoe het bevalt
nl.neu: Opzegging verstuurd, bevestiging afwachten
nl.pos: Net overgestapt naar {brand}, alles in tien minuten geregeld
nl.pos: Opzeggen ging verrassend makkelijk, netjes afgehandeld
nl.pos: Blij dat ik ben overgestapt van {other} naar {brand}
en.neg: Cancelling with {brand} is impossible, stuck for {weeks} weeks now
en.neg: I want to switch to {other} but {brand} charges a {amount} termination fee
en.neg: Cancelled my contract and still got a renewal
en.neg: Switched to {other} and {brand} keeps taking money
en.neg: Still no cancellation confirmation after {weeks} weeks
en.neg: {brand} makes switching deliberately difficult
en.negq: Why do I have to pay {amount} to cancel my contract?
en.negq: How do I cancel if nobody answers the phone?
en.neuq: What's the notice period at {brand}?
en.neuq: How do I switch from {other} to {brand}?
en.neuq: Can I cancel my fixed contract early?
en.neu: Cancelled the contract as of {date}, switch to {other} arranged
en.neu: Switched from {other} to {brand}, let's see how it goes
en.pos: Just switched to {brand}, all done in ten minutes
en.pos: Cancelling was surprisingly easy, handled well
en.pos: Glad I switched from {other} to {brand}
= terugleverkosten
nl.neg: {brand} rekent nu terugleverkosten van {amount3} per maand, mijn zonnepanelen leveren bijna niks meer op
nl.neg: Terugleveren wordt bestraft, {amount} per jaar aan terugleverkosten
nl.neg: Vergoeding voor teruggeleverde stroom is gehalveerd zonder dat ik het wist
nl.neg: Met {panels} panelen op het dak betaal ik nu meer dan zonder, dankzij de terugleverkosten
nl.neg: Salderen en terugleveren bij {brand} is een rekensom waar je alleen maar op verliest
nl.neg: Terugleverkosten ergens in de kleine lettertjes verstopt, niet transparant
nl.neg: Teruglevertarief {pct}% omlaag, zonnepanelen zijn zo geen investering meer
nl.neg: Omvormer draait op volle toeren maar de teruglevering kost me alleen maar geld
nl.negq: Waarom betaal ik terugleverkosten terwijl ik juist groene stroom lever?
nl.negq: Hoe worden die terugleverkosten bij {brand} eigenlijk berekend?
nl.negq: Waarom is de terugleververgoeding zo laag?
nl.neuq: Hoeveel terugleverkosten rekent {brand} bij {kwh} kWh teruglevering?
nl.neuq: Hoe geef ik mijn zonnepanelen door?
nl.neuq: Wat gebeurt er met terugleveren als de salderingsregeling stopt?
nl.neuq: Is een thuisbatterij slim om terugleverkosten te vermijden?
nl.neu: {panels} zonnepanelen laten plaatsen, teruglevering aangemeld bij {brand}
nl.neu: Dit jaar {kwh} kWh teruggeleverd met onze zonnepanelen
nl.neu: Terugleverkosten vergeleken tussen leveranciers
nl.pos: Geen terugleverkosten bij {brand}, daarom overgestapt
nl.pos: Fijne terugleververgoeding, de panelen betalen zich zo terug
nl.pos: Duidelijke uitleg van {brand} over terugleveren en salderen
en.neg: {brand} now charges {amount3} a month in feed-in costs, my solar panels barely pay off
en.neg: Feeding back solar power gets punished, {amount} a year in feed-in fees
en.neg: Feed-in compensation halved without telling me
en.neg: With {panels} panels on the roof I'm now paying more than without them
en.neg: Feed-in tariff down {pct}%, solar is no longer an investment
en.neg: Feed-in charges hidden in the small print, not transparent
en.negq: Why am I paying feed-in costs for supplying green power?
en.negq: How are the feed-in charges at {brand} calculated?
en.neuq: How much feed-in cost does {brand} charge for {kwh} kWh returned?
en.neuq: How do I register my solar panels?
en.neuq: What happens to feeding back power when net metering ends?
en.neu: Got {panels} solar panels installed, registered the feed-in with {brand}
en.neu: Fed back {kwh} kWh this year with our solar panels
en.pos: No feed-in charges at {brand}, that's why I switched
en.pos: Good feed-in compensation, the panels pay for themselves
en.pos: Clear explanation from {brand} about feeding back and net metering
= groene_stroom_herkomst
nl.neg: Groene stroom van {brand} blijkt gewoon grijze stroom met certificaten uit Noorwegen
nl.neg: {brand} noemt zich duurzaam maar investeert nauwelijks in windparken
nl.neg: Greenwashing: 100% groen roepen maar de herkomst van de stroom is onduidelijk
nl.neg: Stroometiket van {brand} laat zien dat een groot deel kolen en gas is
nl.neg: Duurzaamheidsclaims van {brand} kloppen niet met hun eigen stroometiket
nl.neg: Teleurgesteld in de groene ambities van {brand}
nl.neg: Groene stroom met garanties van oorsprong, dat is gewoon boekhouden
nl.negq: Waar komt jullie groene stroom nu echt vandaan?
nl.negq: Hoe groen is de stroom van {brand} eigenlijk?
nl.negq: Waarom staat er kolenstroom op jullie stroometiket?
nl.neuq: Hoeveel procent van de stroom van {brand} komt uit Nederlandse wind?
nl.neuq: Waar vind ik het stroometiket van {brand}?
nl.neuq: Is de groene stroom van {brand} ook echt uit Nederland?
nl.neuq: Heeft {brand} eigen windmolens of zonneparken?
nl.neu: Stroometiket van {brand} bekeken, {pct}% wind en zon
nl.neu: Groene stroom afgesloten bij {brand}
nl.neu: Artikel gelezen over garanties van oorsprong en groene stroom
nl.pos: Mooi dat {brand} een nieuw windpark bij {city} opent
nl.pos: Echt groene stroom uit Nederlandse wind, daarom klant bij {brand}
nl.pos: Fijn dat {brand} zo transparant is over de herkomst van de stroom
nl.pos: Trots op onze groene stroom van {brand}, duurzaam en lokaal
en.neg: {brand}'s green energy turns out to be grey power with Norwegian certificates
en.neg: {brand} calls itself sustainable but barely invests in wind farms
en.neg: Greenwashing: shouting 100% green but the origin of the power is unclear
en.neg: The fuel mix of {brand} shows a big chunk of coal and gas
en.neg: Disappointed in the green ambitions of {brand}
en.negq: Where does your green electricity actually come from?
en.negq: How green is the power of {brand} really?
en.neuq: What share of the electricity of {brand} comes from Dutch wind?
en.neuq: Where can I find the fuel mix label of {brand}?
en.neuq: Does {brand} own any wind or solar farms?
en.neu: Checked the fuel mix of {brand}, {pct}% wind and solar
en.neu: Signed up for green electricity with {brand}
en.pos: Great that {brand} is opening a new wind farm near {city}
en.pos: Real green power from Dutch wind, that's why I'm with {brand}
en.pos: Love how transparent {brand} is about where the power comes from
= app_inlogfout
nl.neg: Al {days} dagen niet kunnen inloggen in de app van {brand}
nl.neg: Inloggen bij {mijn} lukt niet, steeds {error}
nl.neg: Wachtwoord drie keer gereset en nog steeds kom ik niet in mijn account
nl.neg: De verificatiecode komt nooit aan, dus inloggen is onmogelijk
nl.neg: Na het invoeren van mijn wachtwoord blijft de app op het laadscherm hangen
nl.neg: {mijn} zegt dat mijn e-mailadres onbekend is, terwijl ik al jaren klant ben
nl.neg: Inlogpagina geeft {error}, al de hele dag
nl.neg: Ik word steeds uitgelogd uit de app, elke keer opnieuw inloggen
nl.negq: Waarom kan ik niet inloggen in {mijn}?
nl.negq: Hoe kan het dat mijn wachtwoord niet meer werkt na de reset?
nl.negq: Waarom krijg ik geen verificatiecode?
nl.neuq: Hoe reset ik mijn wachtwoord voor {mijn}?
nl.neuq: Waar log ik in om mijn verbruik te zien?
nl.neuq: Kan ik met DigiD inloggen bij {brand}?
nl.neuq: Hoe koppel ik een tweede e-mailadres aan mijn account?
nl.neu: Nieuw wachtwoord aangemaakt voor {mijn}
nl.neu: Ingelogd op de site in plaats van de app, dat werkt wel
nl.neu: Tweestapsverificatie aangezet voor mijn account
nl.pos: Inloggen met gezichtsherkenning in de app van {brand} werkt top
nl.pos: Wachtwoord reset ging supersnel, weer ingelogd
nl.pos: Nieuwe inlogpagina van {mijn} is een stuk duidelijker
en.neg: Haven't been able to log in to the {brand} app for {days} days
en.neg: Login to {mijn} keeps failing with {error}
en.neg: Reset my password three times and still can't get into my account
en.neg: The verification code never arrives, so logging in is impossible
en.neg: After entering my password the app hangs on the loading screen
en.neg: {mijn} says my email address is unknown, I've been a customer for years
en.neg: Keep getting logged out of the app, have to sign in every single time
en.negq: Why can't I log in to {mijn}?
en.negq: Why am I not receiving a verification code?
en.neuq: How do I reset my password for {mijn}?
en.neuq: Where do I log in to see my usage?
en.neuq: Can I add a second email address to my account?
en.neu: Created a new password for {mijn}
en.neu: Logged in on the website instead of the app, that works
en.pos: Face ID login in the {brand} app works great
en.pos: Password reset was super quick, back in
en.pos: The new login page of {mijn} is much clearer
= app_update_crash
nl.neg: Sinds de laatste update crasht de app van {brand} direct bij het opstarten
nl.neg: Na de update naar versie {version} sluit de app meteen weer af
nl.neg: App crasht na de update, ik kan mijn verbruik niet meer zien
nl.neg: Nieuwe versie {version} van de app: zwart scherm en dan crash
nl.neg: Elke keer als ik de app open na de update crasht hij binnen een paar seconden
nl.neg: Update geïnstalleerd en sindsdien doet de app het niet meer, blijft crashen
nl.neg: Na de update crasht de app zodra ik op verbruik tik
nl.neg: App opnieuw geïnstalleerd na de update, crasht nog steeds
nl.negq: Waarom crasht de app sinds de update?
nl.negq: Wanneer komt er een fix voor de crashende app na de update?
nl.negq: Hoe krijg ik de oude versie terug, de nieuwe update crasht steeds?
nl.negq: Hebben meer mensen last van crashes na de update van de {brand} app?
nl.neuq: Is er al een oplossing voor de crash na de update naar {version}?
nl.neuq: Helpt het om de app opnieuw te installeren als hij na de update crasht?
nl.neu: App crasht na de update, gemeld via de website
nl.neu: Update {version} van de app geïnstalleerd, crasht af en toe
nl.pos: Nieuwe update {version} lost de crash op, app werkt weer
nl.pos: Hotfix voor de crashende app kwam snel, netjes {brand}
en.neg: Since the latest update the {brand} app crashes right at startup
en.neg: After updating to version {version} the app closes immediately
en.neg: App crashes since the update, can't see my usage anymore
en.neg: New version {version}: black screen and then it crashes
en.neg: Every time I open the app after the update it crashes within seconds
en.neg: Reinstalled the app after the update, still crashing
en.neg: The app crashes as soon as I tap usage after the update
en.negq: Why does the app keep crashing since the update?
en.negq: When will there be a fix for the app crashing after the update?
en.negq: Is anyone else's {brand} app crashing since the update?
en.neuq: Is there a fix yet for the crash after updating to {version}?
en.neu: App crashes after the update, reported it on the website
en.pos: Update {version} fixed the crash, app works again
en.pos: Quick hotfix for the crashing app, well done {brand}
= wachttijd_klantenservice
nl.neg: Al {minutes} minuten in de wacht bij de klantenservice van {brand}
nl.neg: Klantenservice van {brand} is onbereikbaar, na {minutes} minuten opgehangen
nl.neg: Medewerker hing gewoon op toen ik om een leidinggevende vroeg
nl.neg: Drie keer gebeld, drie verschillende antwoorden van de klantenservice
nl.neg: Chat zegt dat ik nummer {n} in de rij ben en dat al een half uur
nl.neg: Beloofd teruggebeld te worden, nooit meer iets gehoord
nl.neg: Mail gestuurd {days} dagen geleden en nog steeds geen antwoord
nl.neg: Onvriendelijke medewerker aan de lijn, voelde me totaal niet geholpen
nl.negq: Waarom duurt het {minutes} minuten voordat iemand opneemt?
nl.negq: Hoe lang moet ik nog wachten op antwoord op mijn mail?
nl.negq: Waarom word ik nooit teruggebeld zoals beloofd?
nl.neuq: Wat zijn de openingstijden van de klantenservice?
nl.neuq: Op welk telefoonnummer is de klantenservice bereikbaar?
nl.neuq: Is de chat in het weekend ook open?
nl.neuq: Hoe kan ik een klacht indienen over een medewerker?
nl.neu: In de wacht bij {brand}, nummer {n} in de rij
nl.neu: Gebeld met de klantenservice, ze zouden het uitzoeken
nl.neu: Mail gestuurd naar de klantenservice
nl.pos: Super vriendelijke medewerker aan de telefoon bij {brand}, echt geholpen
nl.pos: Binnen {n} minuten iemand aan de lijn, prima service
nl.pos: Top geholpen door de chat van {brand}
nl.pos: Complimenten aan de klantenservice, probleem in één keer opgelost
en.neg: On hold with {brand} customer service for {minutes} minutes now
en.neg: {brand} customer service is unreachable, hung up after {minutes} minutes
en.neg: The agent just hung up when I asked for a supervisor
en.neg: Called three times, got three different answers
en.neg: Chat says I'm number {n} in the queue, for half an hour
en.neg: Promised a call back, never heard anything
en.neg: Emailed {days} days ago and still no reply
en.negq: Why does it take {minutes} minutes before anyone picks up?
en.negq: How long do I have to wait for a reply to my email?
en.neuq: What are the customer service opening hours?
en.neuq: Which phone number do I call for customer service?
en.neuq: Is the chat open at weekends?
en.neu: On hold with {brand}, number {n} in the queue
en.neu: Called customer service, they'll look into it
en.pos: Super friendly agent on the phone at {brand}, really helped me
en.pos: Someone on the line within {n} minutes, great service
en.pos: Brilliant help from the {brand} chat
= slimme_meter_installatie
nl.neg: Monteur voor de slimme meter kwam gewoon niet opdagen
nl.neg: Afspraak voor de slimme meter al {n} keer verzet door {brand}
nl.neg: Nieuwe slimme meter geïnstalleerd en nu geeft hij rare getallen
nl.neg: Slimme meter communiceert niet, {brand} stuurt nog steeds schattingen
nl.neg: Hele ochtend vrij genomen voor de installatie van de slimme meter, niemand gekomen
nl.neg: Slimme meter geplaatst maar de P1-poort werkt niet
nl.negq: Waarom komt de monteur voor de slimme meter niet op de afspraak?
nl.negq: Hoe lang duurt het nog voor ik een slimme meter krijg?
nl.neuq: Kan ik een slimme meter aanvragen bij {brand}?
nl.neuq: Hoe lang duurt de installatie van een slimme meter?
nl.neuq: Is een slimme meter verplicht?
nl.neuq: Moet ik thuis zijn als de slimme meter wordt geplaatst?
nl.neu: Afspraak gemaakt voor de installatie van een slimme meter op {date}
nl.neu: Slimme meter wordt volgende week geplaatst
nl.pos: Slimme meter in een half uur geïnstalleerd, keurige monteur
nl.pos: Blij met de slimme meter, nu zie ik mijn verbruik per uur
nl.pos: Installatie slimme meter ging perfect
en.neg: The smart meter engineer just didn't show up
en.neg: Smart meter appointment rescheduled {n} times by {brand}
en.neg: New smart meter installed and now it shows weird numbers
en.neg: Took the morning off for the smart meter installation, nobody came
en.neg: Smart meter installed but the P1 port doesn't work
en.negq: Why didn't the smart meter engineer turn up?
en.neuq: Can I request a smart meter from {brand}?
en.neuq: How long does a smart meter installation take?
en.neuq: Do I need to be home when the smart meter is installed?
en.neu: Booked a smart meter installation for {date}
en.pos: Smart meter installed in half an hour, friendly engineer
en.pos: Happy with the smart meter, now I can see my hourly usage
= dynamisch_uurprijzen
nl.neg: Dynamisch contract bij {brand} genomen en nu betaal ik in de avondpiek {kwhprice} per kWh
nl.neg: Uurprijzen van het dynamische contract zijn 's avonds niet te betalen
nl.neg: Dynamisch energiecontract klinkt leuk tot je de prijzen ziet tijdens de piek
nl.neg: Spijt van het dynamische contract, maandkosten {pct}% hoger
nl.negq: Waarom zijn de uurprijzen van het dynamisch contract zo hoog in de avond?
nl.negq: Hoe kan ik terug van het dynamische contract naar een vast tarief?
nl.neuq: Hoe werkt het dynamische contract van {brand} precies?
nl.neuq: Waar zie ik de uurprijzen van morgen voor mijn dynamisch contract?
nl.neuq: Is een dynamisch energiecontract slim met een thuisbatterij?
nl.neuq: Wat zijn de vaste kosten van het dynamische contract?
nl.neu: Overgestapt op het dynamisch contract van {brand}, eens kijken
nl.neu: Uurprijzen voor morgen gecheckt, wasmachine pas om 14:00 aan
nl.neu: Dynamische stroomprijs vandaag negatief tussen 12 en 15 uur
nl.pos: Dynamisch contract van {brand} bevalt prima, laden als de stroom goedkoop is
nl.pos: Met het dynamische contract al {amount3} bespaard deze maand
nl.pos: Negatieve uurprijs vandaag, auto gratis opgeladen dankzij dynamisch contract
en.neg: Took the dynamic contract of {brand} and now I pay {kwhprice} per kWh at the evening peak
en.neg: Hourly prices on the dynamic contract are unaffordable in the evening
en.neg: Regret the dynamic tariff, monthly costs up {pct}%
en.negq: Why are the dynamic contract hourly prices so high in the evening?
en.neuq: How does the dynamic contract of {brand} work exactly?
en.neuq: Where can I see tomorrow's hourly prices for my dynamic contract?
en.neuq: Is a dynamic energy contract smart with a home battery?
en.neu: Switched to the dynamic contract of {brand}, let's see
en.neu: Checked tomorrow's hourly prices, running the dishwasher at 2pm
en.pos: Loving the dynamic contract of {brand}, charging when power is cheap
en.pos: Saved {amount3} this month with the dynamic contract
= none
nl.neg: {brand} is echt het slechtste energiebedrijf van Nederland
nl.neg: Nooit meer {brand}, nooit meer
nl.neg: Ben helemaal klaar met {brand}
nl.neg: Die reclame van {brand} op tv is echt irritant
nl.neg: Slechte ervaring met {brand}, zou ik niemand aanraden
nl.neg: Zo'n slechte reclame weer van {brand}
nl.negq: Waarom is {brand} altijd zo slecht?
nl.negq: Hoe kan een bedrijf als {brand} nog bestaan?
nl.neuq: Iemand ervaring met {brand}?
nl.neuq: Wie zit er bij {brand} en is tevreden?
nl.neuq: Welke energieleverancier raden jullie aan, {brand} of {other}?
nl.neuq: Hoe is {brand} als energiebedrijf?
nl.neu: Sinds vandaag klant bij {brand}
nl.neu: {brand} sponsort het lokale voetbaltoernooi in {city}
nl.neu: Reclame van {brand} gezien tijdens de voetbalwedstrijd
nl.neu: Kwam net een bus van {brand} tegen in {city}
nl.neu: Nieuwe kantoor van {brand} in {city} ziet er strak uit
nl.pos: Goedemorgen {brand}! Fijne dag allemaal
nl.pos: Al {n} jaar klant bij {brand} en nog steeds blij
nl.pos: Leuke reclame van {brand} haha
nl.pos: {brand} gewoon een prima bedrijf, niks op aan te merken
nl.pos: Dank je {brand}, jullie zijn top
nl.pos: Bedankt voor de mooie actie in {city}, {brand}!
en.neg: {brand} is honestly the worst energy company in the Netherlands
en.neg: Never again {brand}
en.neg: Totally done with {brand}
en.neg: Bad experience with {brand}, wouldn't recommend them
en.neg: That {brand} TV ad is so annoying
en.negq: Why is {brand} always so bad?
en.neuq: Anyone have experience with {brand}?
en.neuq: Which energy supplier would you recommend, {brand} or {other}?
en.neuq: How is {brand} as an energy company?
en.neu: Became a {brand} customer today
en.neu: Saw a {brand} ad during the football match
en.neu: {brand} is sponsoring the local festival in {city}
en.pos: Good morning {brand}! Have a great day
en.pos: Been with {brand} for {n} years and still happy
en.pos: Love the new {brand} ad haha
en.pos: {brand} is just a solid company, no complaints
en.pos: Thanks {brand}, you guys are great
""";

  static final String NOTES = """
= jaarafrekening_hoger
nl.note: jaarafrekening hoger dan verwacht, {amount} nabetalen
nl.note: vraag over opbouw jaarafrekening
nl.note: klant begrijpt eindafrekening niet, verbruik toegelicht
nl.note: bezwaar tegen jaarafrekening, verbruik {kwh} kWh volgens klant te hoog
nl.note: jaarnota klopt niet, geschatte standen gebruikt
nl.note: nabetaling {amount} na jaarafrekening
nl.note: factuur onjuist volgens klant, verkeerde periode gefactureerd
nl.note: jaarafrekening niet ontvangen, kopie gemaild
nl.note: eindafrekening {amount} hoger dan vorig jaar, klant wil specificatie
nl.act: specificatie jaarafrekening gemaild
nl.act: herberekening aangevraagd
en.note: annual statement higher than expected, {amount} to pay
en.note: question about the annual bill breakdown
en.note: customer disputes year-end statement, says {kwh} kWh is too high
en.note: invoice wrong according to customer, estimates used
en.note: annual statement not received, copy sent by email
en.note: back payment of {amount} after annual settlement
en.act: breakdown of annual statement emailed
= termijnbedrag_verhoogd
nl.note: termijnbedrag verhoogd naar {amount2}, klant niet akkoord
nl.note: wil maandbedrag verlagen naar {amount3}
nl.note: vraag waarom voorschot is aangepast
nl.note: termijnbedrag aangepast op verzoek klant
nl.note: voorschot {pct}% omhoog, klant wil uitleg
nl.note: klant wil termijnbedrag verhogen om nabetaling te voorkomen
nl.note: maandbedrag past niet bij verbruik volgens klant
nl.note: termijnbedrag in app niet aan te passen
nl.act: termijnbedrag aangepast naar {amount2}
en.note: monthly payment raised to {amount2}, customer disagrees
en.note: wants to lower monthly instalment to {amount3}
en.note: asks why advance payment was changed
en.note: monthly amount adjusted at customer's request
en.note: advance up {pct}%, customer wants explanation
en.note: cannot change monthly amount online
en.act: monthly amount set to {amount2}
= incasso_probleem
nl.note: dubbele incasso {amount2}, terugboeking aangevraagd
nl.note: incasso mislukt, aanmaning ontvangen
nl.note: betalingsregeling afgesproken, {n} termijnen
nl.note: machtiging intrekken
nl.note: rekeningnummer voor incasso wijzigen
nl.note: wil betalingsregeling voor openstaand bedrag
nl.note: onterechte afschrijving {amount2}
nl.note: herinnering ontvangen terwijl incasso gelukt is
nl.act: terugboeking gestart
en.note: double direct debit of {amount2}, refund requested
en.note: direct debit failed, reminder received
en.note: payment plan agreed, {n} instalments
en.note: wants to cancel direct debit mandate
en.note: change bank account for direct debit
en.note: wrong debit of {amount2}
en.act: refund started
= meterstand_doorgeven
nl.note: meterstanden doorgegeven via telefoon
nl.note: meterstand doorgeven via website lukt niet, standen genoteerd
nl.note: herinnering meterstand ontvangen terwijl al doorgegeven
nl.note: meterstand gecorrigeerd, verkeerde stand ingevoerd
nl.note: foto meterstand ontvangen, verwerkt
nl.note: geschatte stand vervangen door werkelijke stand
nl.note: klant weet niet welke stand door te geven (dal/normaal), uitgelegd
nl.note: meterstanden gas en stroom genoteerd: {kwh} kWh
nl.act: standen ingevoerd
nl.act: stand gecorrigeerd
en.note: meter readings submitted by phone
en.note: cannot submit reading on website, readings noted
en.note: reminder received although readings were already submitted
en.note: reading corrected, wrong value entered
en.note: estimated reading replaced by actual reading
en.note: explained which reading to submit (peak/off-peak)
en.act: readings entered
= stroomstoring_regio
nl.note: storing gemeld in {city}, doorverwezen naar netbeheerder
nl.note: stroomuitval {city} sinds {hours} uur
nl.note: vraag of er storing is in {city}
nl.note: storing {city}, klant zonder stroom
nl.note: melding stroomstoring, storingsnummer netbeheerder gegeven
nl.note: klant wil compensatie na stroomstoring
nl.note: korte stroomuitval {city}, inmiddels hersteld
nl.note: storing in de wijk, monteur onderweg volgens netbeheerder
nl.act: storingsnummer netbeheerder gegeven
en.note: outage reported in {city}, referred to grid operator
en.note: power cut in {city} for {hours} hours
en.note: asks about an outage in {city}
en.note: customer without power in {city}
en.note: wants compensation after power outage
en.note: short outage {city}, restored
en.act: grid operator number given
= verhuizing_doorgeven
nl.note: verhuizing doorgegeven per {date}
nl.note: nieuw adres ingevoerd, contract meegenomen
nl.note: rekening oude adres na verhuizing
nl.note: verhuisdatum verkeerd ingevoerd, gecorrigeerd
nl.note: klant verhuist naar {city}, vraagt naar sleuteloverdracht
nl.note: verhuisformulier niet verwerkt
nl.note: wil contract meenemen naar nieuwe woning
nl.note: bevestiging verhuizing niet ontvangen
nl.act: nieuw adres ingevoerd
en.note: move reported as of {date}
en.note: new address entered, contract transferred
en.note: still billed for old address after moving
en.note: wrong moving date, corrected
en.note: moving form not processed
en.note: moving confirmation not received
en.act: new address entered
= tarieven_omhoog
nl.note: vraag over nieuwe tarieven per {month}
nl.note: klacht over prijsverhoging
nl.note: vaste leveringskosten te hoog volgens klant
nl.note: tarieven vergeleken met {other}, klant vindt ons duur
nl.note: verlengingsaanbod tarief te hoog
nl.note: uitleg variabel vs vast tarief
nl.note: vraagt tariefoverzicht stroom en gas
nl.note: klant ontvangt brief tariefwijziging, wil toelichting
nl.act: tariefoverzicht gemaild
en.note: question about new rates from {month}
en.note: complaint about price increase
en.note: standing charge too high according to customer
en.note: compared rates with {other}, thinks we are expensive
en.note: renewal offer rate too high
en.note: explained fixed vs variable rate
en.act: rate overview emailed
= opzeggen_overstappen
nl.note: wil contract opzeggen, overstap naar {other}
nl.note: opzegging verwerkt per {date}
nl.note: vraag over opzegvergoeding {amount}
nl.note: opzegbevestiging niet ontvangen
nl.note: klant stapt over naar {other}
nl.note: contract stilzwijgend verlengd, klant wil opzeggen
nl.note: opzegtermijn uitgelegd
nl.note: retentieaanbod gedaan, klant blijft
nl.act: opzegging verwerkt
nl.act: retentieaanbod gedaan
en.note: wants to cancel, switching to {other}
en.note: cancellation processed as of {date}
en.note: question about termination fee of {amount}
en.note: cancellation confirmation not received
en.note: notice period explained
en.note: retention offer made, customer stays
en.act: cancellation processed
= terugleverkosten
nl.note: vraag over terugleverkosten
nl.note: klacht terugleverkosten {amount3} per maand
nl.note: zonnepanelen aangemeld, {panels} panelen
nl.note: terugleververgoeding te laag volgens klant
nl.note: uitleg salderen en terugleveren
nl.note: teruglevering {kwh} kWh niet verrekend
nl.note: omvormer geplaatst, teruglevering aanmelden
nl.note: klant overweegt thuisbatterij ivm terugleverkosten
nl.act: uitleg terugleverkosten gegeven
en.note: question about feed-in costs
en.note: complaint about feed-in charges of {amount3} a month
en.note: solar panels registered, {panels} panels
en.note: feed-in compensation too low according to customer
en.note: explained net metering and feed-in
en.note: feed-in of {kwh} kWh not settled
en.act: feed-in costs explained
= groene_stroom_herkomst
nl.note: vraag over herkomst groene stroom
nl.note: stroometiket opgevraagd
nl.note: klant twijfelt aan groene claims
nl.note: wil 100% Nederlandse windstroom
nl.note: garanties van oorsprong uitgelegd
nl.note: klacht over greenwashing in reclame
nl.note: vraag naar duurzaamheidsbeleid
nl.note: wil overstappen naar groene stroom product
nl.act: stroometiket gemaild
en.note: question about origin of green electricity
en.note: fuel mix label requested
en.note: customer doubts green claims
en.note: wants 100% Dutch wind power
en.note: guarantees of origin explained
en.note: complaint about greenwashing in ad
en.act: fuel mix label emailed
= app_inlogfout
nl.note: inloggen Mijn Zonnewijs lukt niet
nl.note: wachtwoord gereset
nl.note: verificatiecode komt niet aan
nl.note: account geblokkeerd na {n} pogingen, gedeblokkeerd
nl.note: e-mailadres onbekend bij inloggen
nl.note: inlogfout {error}
nl.note: klant steeds uitgelogd uit app
nl.note: hulp bij registreren account
nl.act: reset link gestuurd
en.note: unable to log in to Mijn Zonnewijs
en.note: password reset
en.note: verification code not arriving
en.note: account locked after {n} attempts, unlocked
en.note: login error {error}
en.note: keeps getting logged out of the app
en.act: reset link sent
= app_update_crash
nl.note: app crasht na update
nl.note: app sluit direct af sinds update {version}
nl.note: app crasht bij opstarten, zwart scherm
nl.note: na update crasht app bij openen verbruik
nl.note: app opnieuw geinstalleerd, crasht nog steeds
nl.note: crash app na laatste update, gemeld bij IT
nl.note: app crasht sinds update, klant wil verbruik zien
nl.note: update {version} app crasht, workaround website gegeven
nl.act: bekend probleem, fix volgt
nl.act: workaround: website gebruiken
en.note: app crashes after update
en.note: app closes immediately since update {version}
en.note: app crashes on startup, black screen
en.note: reinstalled app, still crashing after update
en.note: crash after latest app update, reported to IT
en.note: update {version} crashes, advised website
en.act: known issue, fix coming
= wachttijd_klantenservice
nl.note: klacht over wachttijd telefoon, {minutes} min gewacht
nl.note: klant ontevreden over bereikbaarheid
nl.note: klacht over medewerker
nl.note: terugbelverzoek niet nagekomen
nl.note: mail {days} dagen niet beantwoord
nl.note: klant eerder opgehangen in wachtrij
nl.note: klacht over tegenstrijdige informatie
nl.note: wil leidinggevende spreken
nl.act: klacht geregistreerd
en.note: complaint about phone waiting time, waited {minutes} min
en.note: unhappy about reachability
en.note: complaint about an agent
en.note: call-back request not honoured
en.note: email unanswered for {days} days
en.note: wants to speak to a supervisor
en.act: complaint registered
= slimme_meter_installatie
nl.note: afspraak slimme meter gemaakt {date}
nl.note: monteur slimme meter niet verschenen
nl.note: slimme meter communiceert niet
nl.note: installatie slimme meter verzet
nl.note: P1-poort slimme meter werkt niet
nl.note: vraag of slimme meter verplicht is
nl.note: klant wil slimme meter laten plaatsen
nl.note: rare getallen na plaatsing slimme meter
nl.act: nieuwe afspraak ingepland
en.note: smart meter appointment booked {date}
en.note: smart meter engineer did not show
en.note: smart meter not communicating
en.note: smart meter installation rescheduled
en.note: smart meter P1 port not working
en.note: wants a smart meter installed
en.act: new appointment booked
= dynamisch_uurprijzen
nl.note: vraag over dynamisch contract
nl.note: wil overstappen naar dynamisch contract
nl.note: uitleg uurprijzen dynamisch contract
nl.note: klacht hoge uurprijs avondpiek
nl.note: vraag vaste kosten dynamisch contract
nl.note: dynamisch contract afgesloten
nl.note: wil terug van dynamisch naar vast
nl.note: vraag waar uurprijzen morgen te zien zijn
nl.act: productinfo dynamisch contract gemaild
en.note: question about dynamic contract
en.note: wants to switch to dynamic contract
en.note: explained hourly prices of dynamic contract
en.note: complaint about evening peak hourly price
en.note: dynamic contract signed
en.note: wants to go back from dynamic to fixed
en.act: product info emailed
= none
nl.note: klant verkeerd verbonden
nl.note: doorverbonden naar netbeheerder
nl.note: algemene vraag
nl.note: klant wilde alleen gegevens checken
nl.note: gesprek weggevallen
nl.note: compliment voor vorige medewerker
nl.note: vraag over sponsoring
nl.note: geen vraag, klant belde per ongeluk
en.note: wrong number
en.note: transferred to grid operator
en.note: general question
en.note: call dropped
en.note: compliment for previous agent
en.note: no question, customer called by accident
""";
}
