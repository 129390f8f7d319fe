// SPDX-License-Identifier: MIT
using System.IO;
using System.Linq;
using Phone.DeviceTests.Host.Checks;
using Xunit;

namespace Phone.DeviceTests.Host
{
    /// <summary>Check 2 on the repository, and proofs that it can fail.</summary>
    public class NfprojTests
    {
        public static TheoryData<string> Projects()
        {
            var data = new TheoryData<string>();
            foreach (var p in Directory.GetFiles(Repo.Root, "*.nfproj", SearchOption.AllDirectories)
                         .Where(p => !p.Contains("/bin/") && !p.Contains("/obj/")).OrderBy(p => p))
            {
                data.Add(Path.GetRelativePath(Repo.Root, p));
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Projects))]
        public void ProjectIsComplete(string relPath)
        {
            var errors = NfprojCheck.CheckProject(Repo.Root, relPath, File.ReadAllText(Repo.Path(relPath)),
                File.ReadAllText(Path.Combine(Path.GetDirectoryName(Repo.Path(relPath)), "packages.config")));
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }

        [Fact]
        public void SolutionListsEveryProject()
        {
            var sln = File.ReadAllText(Repo.Path("Phone.nfproj.sln"));
            Assert.Empty(NfprojCheck.CheckSolution(Repo.Root, sln));
            foreach (var p in Directory.GetFiles(Repo.Root, "*.nfproj", SearchOption.AllDirectories)
                         .Where(p => !p.Contains("/bin/") && !p.Contains("/obj/")))
            {
                Assert.Contains(Path.GetRelativePath(Repo.Root, p).Replace('/', '\\'), sln);
            }
        }

        [Fact]
        public void BindingProjectGeneratesStubsOutsideTheCommittedLayer()
        {
            var text = File.ReadAllText(Repo.Path("firmware/Phone.Crypto/Phone.Crypto.nfproj"));
            Assert.Contains("<NFMDP_GENERATE_STUBS>true</NFMDP_GENERATE_STUBS>", text);
            Assert.Contains("build\\nf-stubs", text);
            Assert.Contains("<AssemblyName>NFUnitTest</AssemblyName>", File.ReadAllText(Repo.Path("tests/device/Phone.DeviceTests.nfproj")));
        }

        [Fact]
        public void UnlistedSourceIsCaught()
        {
            const string rel = "firmware/Phone.Crypto/Phone.Crypto.nfproj";
            var text = File.ReadAllText(Repo.Path(rel)).Replace("<Compile Include=\"KeyPool.cs\" />", string.Empty);
            var errors = NfprojCheck.CheckProject(Repo.Root, rel, text, File.ReadAllText(Repo.Path("firmware/Phone.Crypto/packages.config")));
            Assert.Contains(errors, e => e.Contains("KeyPool.cs is not listed"));
        }

        [Fact]
        public void MissingFileAndVersionMismatchAreCaught()
        {
            const string rel = "tests/device/Phone.DeviceTests.nfproj";
            var text = File.ReadAllText(Repo.Path(rel)).Replace("<Compile Include=\"Bytes.cs\" />", "<Compile Include=\"Gone.cs\" />");
            var packages = File.ReadAllText(Repo.Path("tests/device/packages.config")).Replace("version=\"3.0.80\"", "version=\"3.0.77\"");
            var errors = NfprojCheck.CheckProject(Repo.Root, rel, text, packages);
            Assert.Contains(errors, e => e.Contains("Gone.cs does not exist"));
            Assert.Contains(errors, e => e.Contains("packages.config has 3.0.77"));
        }

        [Fact]
        public void BrokenXmlAndWrongSolutionGuidAreCaught()
        {
            Assert.Contains(NfprojCheck.CheckProject(Repo.Root, "firmware/Phone.Crypto/Phone.Crypto.nfproj", "<Project />", "<packages/>"),
                e => e.Contains("does not import"));
            Assert.NotEmpty(NfprojCheck.CheckProject(Repo.Root, "x.nfproj", "<Project", "<packages/>"));
            var sln = File.ReadAllText(Repo.Path("Phone.nfproj.sln")).Replace("98511F08-C1AA-4E9B-9D9C-BCE0C8116423}\"", "98511F08-C1AA-4E9B-9D9C-BCE0C8116424}\"");
            Assert.Contains(NfprojCheck.CheckSolution(Repo.Root, sln), e => e.Contains("solution GUID"));
        }
    }
}
