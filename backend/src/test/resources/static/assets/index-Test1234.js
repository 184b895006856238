console.log("echain test bundle")
