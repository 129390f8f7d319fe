// SPDX-License-Identifier: MIT
using System.Linq;
using Phone.Firmware.Pairing;
using Xunit;

namespace Phone.Tests.Firmware.Units
{
    public class WordListTests
    {
        [Fact]
        public void Lists_hold_512_distinct_words()
        {
            Assert.Equal(256, PgpWords.Even.Length);
            Assert.Equal(256, PgpWords.Odd.Length);
            Assert.Equal(512, PgpWords.Even.Concat(PgpWords.Odd).Select(w => w.ToLowerInvariant()).Distinct().Count());
            Assert.All(PgpWords.Even.Concat(PgpWords.Odd), w => Assert.Matches("^[A-Za-z]+$", w));
        }

        [Fact]
        public void Known_entries()
        {
            Assert.Equal("aardvark", PgpWords.Even[0x00]);
            Assert.Equal("adroitness", PgpWords.Odd[0x00]);
            Assert.Equal("Zulu", PgpWords.Even[0xFF]);
            Assert.Equal("Yucatan", PgpWords.Odd[0xFF]);
            // The published example E5 82 94 F2 E9 A2 27: even/odd alternate.
            var words = new[] { PgpWords.Even[0xE5], PgpWords.Odd[0x82], PgpWords.Even[0x94], PgpWords.Odd[0xF2],
                PgpWords.Even[0xE9], PgpWords.Odd[0xA2], PgpWords.Even[0x27] };
            Assert.Equal("topmost Istanbul Pluto vagabond treadmill Pacific brackish", string.Join(" ", words));
        }

        [Fact]
        public void Code_words_are_even_odd_even_of_the_24_bit_big_endian_value()
        {
            Assert.Equal("aardvark adroitness aardvark", VerificationCode.Words(0));
            Assert.Equal(PgpWords.Even[0x0F] + " " + PgpWords.Odd[0x42] + " " + PgpWords.Even[0x3F],
                VerificationCode.Words(999999));
            Assert.Equal(PgpWords.Even[0x12] + " " + PgpWords.Odd[0x34] + " " + PgpWords.Even[0x56],
                VerificationCode.Words(0x123456));
        }
    }
}
